import { describe, expect, it } from 'vitest';
import { AGENT_TRANSITIONS } from '../agent/agent-state.js';
import { CALL_TRANSITIONS, END_CAUSES } from '../call/call-state.js';
import { ErrorCatalogue } from '../common/errors.js';
import { coreMessages } from './core-messages.js';

describe('coreMessages', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(Object.keys(coreMessages.es).sort()).toEqual(Object.keys(coreMessages.en).sort());
  });

  it('every code of the error catalogue has a message in both locales', () => {
    for (const code of Object.keys(ErrorCatalogue)) {
      expect(coreMessages.en).toHaveProperty([`error.${code}`]);
      expect(coreMessages.es).toHaveProperty([`error.${code}`]);
    }
  });

  it('every agent status, call state and end cause has a message', () => {
    const keys = [
      ...Object.keys(AGENT_TRANSITIONS).map((k) => `status.${k}`),
      ...Object.keys(CALL_TRANSITIONS).filter((k) => k !== 'held').map((k) => `call.${k}`),
      'call.held.local',
      'call.held.remote',
      ...END_CAUSES.map((c) => `cause.${c}`),
    ];
    for (const key of keys) expect(Object.keys(coreMessages.en)).toContain(key);
  });

  it('no message is empty, and Spanish is not English copied over', () => {
    for (const locale of ['en', 'es'] as const) {
      for (const text of Object.values(coreMessages[locale])) expect(text.trim()).not.toBe('');
    }
    const same = Object.entries(coreMessages.en).filter(([k, v]) => coreMessages.es[k as keyof typeof coreMessages.es] === v);
    expect(same).toEqual([]);
  });

  it('uses call-center Spanish for the statuses', () => {
    expect(coreMessages.es['status.ready']).toBe('Listo');
    expect(coreMessages.es['status.paused']).toBe('En pausa');
    expect(coreMessages.es['status.onCall']).toBe('En llamada');
  });
});
