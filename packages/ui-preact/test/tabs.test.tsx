import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TabGate, tabLeadership, type LockManagerLike, type TabLeadership } from '../src/index.js';

/**
 * The Web Locks semantics leadership relies on, in memory (Node has no `navigator.locks`; the
 * browser test uses Chromium's): one holder per name, a FIFO queue, `ifAvailable`, abort.
 */
function lockManager(): LockManagerLike {
  const held = new Set<string>();
  const queues = new Map<string, Array<{ run: () => void; signal?: AbortSignal }>>();
  const grant = (name: string, callback: (lock: unknown) => unknown): Promise<unknown> => {
    held.add(name);
    return Promise.resolve(callback({ name })).finally(() => {
      held.delete(name);
      const q = queues.get(name) ?? [];
      let next = q.shift();
      while (next?.signal?.aborted) next = q.shift();
      next?.run();
    });
  };
  return {
    request(name, options, callback) {
      if (!held.has(name)) return grant(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve, reject) => {
        const q = queues.get(name) ?? [];
        queues.set(name, q);
        q.push({ run: () => void grant(name, callback).then(resolve, reject), ...(options.signal ? { signal: options.signal } : {}) });
        options.signal?.addEventListener('abort', () => reject(new Error('AbortError')));
      });
    },
  };
}

const tabs: TabLeadership[] = [];
afterEach(() => {
  cleanup();
  for (const t of tabs.splice(0)) t.dispose();
});

function tab(locks: LockManagerLike, name = 'console-a'): TabLeadership {
  const t = tabLeadership({ name, locks });
  tabs.push(t);
  return t;
}

describe('one leader tab per agent (X7)', () => {
  it('the first tab leads, the second follows; take-over swaps them; closing the leader hands over to the waiting tab', async () => {
    const locks = lockManager();
    const a = tab(locks);
    await waitFor(() => expect(a.state).toBe('leader'));
    const b = tab(locks);
    await waitFor(() => expect(b.state).toBe('follower'));
    expect(a.state).toBe('leader');

    // The take-over message travels over a real BroadcastChannel; the leader finishes its
    // hand-over work (writing its console's last state) before the other tab leads.
    const order: string[] = [];
    a.onHandOver(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push(`handed over while b is ${b.state}`);
    });
    await b.takeOver();
    order.push('b leads');
    expect(order).toEqual(['handed over while b is follower', 'b leads']);
    expect(b.state).toBe('leader');
    await waitFor(() => expect(a.state).toBe('follower'));

    // The leader goes away (tab closed): the waiting tab leads by itself.
    b.dispose();
    await waitFor(() => expect(a.state).toBe('leader'));
    // A tab that leaves the election while waiting, or after, is told so rather than left hanging.
    const c = tab(locks);
    await waitFor(() => expect(c.state).toBe('follower'));
    const waiting = c.takeOver().then(() => 'led', (e: { code?: string }) => e.code);
    c.dispose();
    expect(await waiting).toBe('backend.unavailable');
    expect(await c.takeOver().then(() => 'led', (e: { code?: string }) => e.code)).toBe('input.invalid');
    // A different console name is a different election.
    const other = tab(locks, 'console-b');
    await waitFor(() => expect(other.state).toBe('leader'));
  });

  it('the gate renders the console only in the leader; the other tab says so and takes over with "Use here" (English and Spanish)', async () => {
    const locks = lockManager();
    const a = tab(locks);
    await waitFor(() => expect(a.state).toBe('leader'));
    const b = tab(locks);
    await waitFor(() => expect(b.state).toBe('follower'));
    let mounted = 0;
    const Console = () => {
      mounted += 1;
      return <p>the console</p>;
    };
    render(<TabGate leadership={b} locale="es">{() => <Console />}</TabGate>);
    expect(screen.getByRole('heading', { name: 'La consola está abierta en otra pestaña' })).toBeTruthy();
    expect(screen.queryByText('the console')).toBeNull();
    const use = screen.getByRole('button', { name: 'Usar aquí' });
    expect(document.activeElement).toBe(use);
    cleanup();

    render(<TabGate leadership={a}>{() => <Console />}</TabGate>);
    expect(screen.getByText('the console')).toBeTruthy();
    // Another tab takes over: this one unmounts its console and offers to take it back.
    await act(async () => { await b.takeOver(); });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Use here' })).toBeTruthy());
    expect(screen.queryByText('the console')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use here' }));
    await waitFor(() => expect(screen.getByText('the console')).toBeTruthy());
    expect(b.state).toBe('follower');
    expect(mounted).toBeGreaterThanOrEqual(2);
  });
});
