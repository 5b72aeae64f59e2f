// A SIP agent for the tests: the adapter's backend instance on the rig, its events and its log.
import { asyncScheduler } from 'rxjs';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { memoryLogger, schedulerClock, type BackendEvent, type BackendInstance, type CallControlPort } from '@dialkit/core';
import { createSipBackend, noMediaEngine, type SipBackend, type SipBackendOptions } from '../src/index.js';

// sip.js' WebSocket transport uses the global WebSocket (Node 22 has one; Node 20 needs ws).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** A started SIP backend and what it said. */
export interface TestAgent {
  readonly sip: SipBackend;
  readonly instance: BackendInstance;
  readonly calls: CallControlPort;
  readonly events: BackendEvent[];
  readonly logger: ReturnType<typeof memoryLogger>;
  readonly dtmf: string[];
  /** Resolves with the first event (already seen or future) matching, or rejects after `ms`. */
  waitFor<T extends BackendEvent['type']>(type: T, match?: (e: Extract<BackendEvent, { type: T }>) => boolean, ms?: number): Promise<Extract<BackendEvent, { type: T }>>;
  /** Events of one call, as `type` or `type:detail`, in order. */
  trail(callId: string): string[];
  dispose(): Promise<void>;
}

export function wsUrl(): string {
  return `ws://127.0.0.1:${inject('sipRig').wsPort}`;
}

/** Starts an agent (default agent1 / agent1-pw) and waits for registration unless `register: false`. */
export async function startAgent(options: Partial<SipBackendOptions> & { register?: boolean } = {}): Promise<TestAgent> {
  const user = options.user ?? 'agent1';
  const dtmf: string[] = [];
  const { register = true, ...rest } = options;
  const sip = createSipBackend({ server: wsUrl(), user, password: `${user}-pw`, domain: '127.0.0.1', media: noMediaEngine({ onDtmf: (_c, d) => dtmf.push(d) }), ...rest });
  const logger = memoryLogger(2000);
  const instance = sip.module.create({ clock: schedulerClock(asyncScheduler), scheduler: asyncScheduler, logger });
  const events: BackendEvent[] = [];
  const waiters = new Set<() => void>();
  const sub = instance.events$.subscribe((e) => {
    events.push(e);
    for (const w of [...waiters]) w();
  });
  if (register) await sip.control.registered();
  const agent: TestAgent = {
    sip, instance, events, logger, dtmf,
    calls: instance.ports.callControl!,
    waitFor(type, match = () => true, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.type === type && match(e as never));
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found as never);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no '${type}' event within ${ms} ms; events: ${events.map((e) => e.type).join(', ')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    trail(callId) {
      return events
        .filter((e) => 'callId' in e && e.callId === callId)
        .map((e) => (e.type === 'call.ended' ? `ended:${e.cause}` : e.type === 'call.held' ? `held:${e.by}` : e.type.replace('call.', '')));
    },
    async dispose() {
      await instance.dispose();
      sub.unsubscribe();
    },
  };
  return agent;
}
