import { describe, expect, it } from 'vitest';
import { Signal, Slice } from './slice.js';

describe('Slice and Signal', () => {
  it('a late subscriber gets the latest value, then every later one; unsubscribing stops it', () => {
    const s = new Slice(1);
    s.set(2);
    const seen: number[] = [];
    const sub = s.value$.subscribe((v) => seen.push(v));
    s.set(3);
    sub.unsubscribe();
    s.set(4);
    expect(seen).toEqual([2, 3]);
    expect(s.value).toBe(4);
    expect(s.observed).toBe(false);
  });

  it('a listener unsubscribed by another during an emission gets nothing more, and the loop goes on', () => {
    const s = new Slice(0);
    const seen: string[] = [];
    const b = { unsubscribe: () => undefined as void };
    s.value$.subscribe((v) => {
      seen.push(`a${v}`);
      if (v === 1) b.unsubscribe();
    });
    const subB = s.value$.subscribe((v) => seen.push(`b${v}`));
    b.unsubscribe = () => subB.unsubscribe();
    s.set(1);
    s.set(2);
    expect(seen).toEqual(['a0', 'b0', 'a1', 'a2']);
  });

  it('complete ends current and future subscribers; a Signal reaches only current listeners', () => {
    const s = new Slice('x');
    let completed = 0;
    s.value$.subscribe({ complete: () => completed++ });
    s.complete();
    s.value$.subscribe({ complete: () => completed++ });
    expect(completed).toBe(2);
    const sig = new Signal<number>();
    sig.emit(1);
    const got: number[] = [];
    sig.value$.subscribe((v) => got.push(v));
    sig.emit(2);
    expect(got).toEqual([2]);
  });
});
