import { EventEmitter } from 'node:events';
import { drained, StalledDownload } from './export-stream';

describe('drained', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves when the response takes more, and leaves no listener behind', async () => {
    const response = new EventEmitter();
    const waiting = drained(response, 1000);
    response.emit('drain');
    await expect(waiting).resolves.toBeUndefined();
    expect(response.listenerCount('drain') + response.listenerCount('close')).toBe(0);
  });

  it('resolves when the caller has gone', async () => {
    const response = new EventEmitter();
    const waiting = drained(response, 1000);
    response.emit('close');
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rejects with StalledDownload when the caller reads nothing for the time allowed', async () => {
    jest.useFakeTimers();
    const response = new EventEmitter();
    const waiting = drained(response, 60_000);
    jest.advanceTimersByTime(59_999);
    response.emit('unrelated');
    jest.advanceTimersByTime(1);
    await expect(waiting).rejects.toBeInstanceOf(StalledDownload);
    expect(response.listenerCount('drain') + response.listenerCount('close')).toBe(0);
  });
});
