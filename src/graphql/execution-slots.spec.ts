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

  it('lets the waiting through once every slot has been held for stuckAfterMs (a database that does not answer)', () => {
    jest.useFakeTimers();
    try {
      const slots = new ExecutionSlots(1, 1000);
      const started: string[] = [];
      const hung = caller(slots, started, 'hung');
      jest.advanceTimersByTime(500);
      caller(slots, started, 'b');
      caller(slots, started, 'c');
      jest.advanceTimersByTime(499);
      expect(started).toEqual(['hung']);
      jest.advanceTimersByTime(1);
      expect(started).toEqual(['hung', 'b', 'c']);
      hung.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps requests waiting while the slots turn over, however long they wait', () => {
    jest.useFakeTimers();
    try {
      const slots = new ExecutionSlots(1, 1000);
      const started: string[] = [];
      const callers = new Map<string, { close(): void }>();
      for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) callers.set(name, caller(slots, started, name));
      // Each holder finishes within 900 ms: four turns, 3.6 s, and the last two still wait their turn.
      for (let turn = 0; turn < 4; turn += 1) {
        jest.advanceTimersByTime(900);
        callers.get(started[started.length - 1])!.close();
      }
      expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(slots.queued).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
