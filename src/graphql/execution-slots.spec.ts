import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { ExecutionSlots } from './execution-slots';

/** A request that the slots let through is recorded; finishing it closes its response. */
function caller(slots: ExecutionSlots, started: string[], name: string) {
  const response = new EventEmitter();
  slots.middleware({} as Request, response as unknown as Response, () => started.push(name));
  return { close: () => response.emit('close') };
}

describe('ExecutionSlots', () => {
  it('works on at most `limit` requests at once and starts the waiting ones in order of arrival', () => {
    const slots = new ExecutionSlots(2, 60_000);
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => caller(slots, started, name));
    expect(started).toEqual(['a', 'b']);
    expect(slots.queued).toBe(2);
    b.close();
    expect(started).toEqual(['a', 'b', 'c']);
    a.close();
    c.close();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    d.close();
    expect(slots.queued).toBe(0);
  });

  it('drops a caller that goes away while waiting, and its slot is not lost', () => {
    const slots = new ExecutionSlots(1, 60_000);
    const started: string[] = [];
    const a = caller(slots, started, 'a');
    const gone = caller(slots, started, 'gone');
    caller(slots, started, 'c');
    gone.close();
    expect(slots.queued).toBe(1);
    a.close();
    expect(started).toEqual(['a', 'c']);
  });

  it('counts a response that closes twice once', () => {
    const slots = new ExecutionSlots(1, 60_000);
    const started: string[] = [];
    const a = caller(slots, started, 'a');
    caller(slots, started, 'b');
    caller(slots, started, 'c');
    a.close();
    a.close();
    expect(started).toEqual(['a', 'b']);
  });

  it('runs a request that has waited maxWaitMs anyway, and then counts it like the others', () => {
    jest.useFakeTimers();
    try {
      const slots = new ExecutionSlots(1, 1000);
      const started: string[] = [];
      const hung = caller(slots, started, 'hung');
      const b = caller(slots, started, 'b');
      jest.advanceTimersByTime(999);
      expect(started).toEqual(['hung']);
      jest.advanceTimersByTime(1);
      expect(started).toEqual(['hung', 'b']);
      caller(slots, started, 'c');
      b.close();
      expect(started).toEqual(['hung', 'b']);
      hung.close();
      expect(started).toEqual(['hung', 'b', 'c']);
    } finally {
      jest.useRealTimers();
    }
  });
});
