import { describe, expect, it } from 'vitest';
import { defineCommand } from './command.js';

describe('defineCommand', () => {
  it('keeps the id, timeout and description of a dotted kebab-case command', () => {
    const hold = defineCommand<{ callId: string }>('call.hold', { timeoutMs: 5_000, description: 'Holds a call.' });
    expect(hold).toEqual({ id: 'call.hold', timeoutMs: 5_000, description: 'Holds a call.' });
    expect(Object.isFrozen(hold)).toBe(true);
  });

  it('leaves the timeout to the service when none is given', () => {
    expect(defineCommand('plugin.crm.open-lead').timeoutMs).toBeUndefined();
  });

  it.each(['hold', 'Call.hold', 'call.Hold', 'call..hold', 'call.hold.', 'call hold', ''])(
    'refuses the id %j with a TypeError',
    (id) => {
      expect(() => defineCommand(id)).toThrow(TypeError);
    },
  );

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the timeout %s', (timeoutMs) => {
    expect(() => defineCommand('call.hold', { timeoutMs })).toThrow(/positive number/);
  });
});
