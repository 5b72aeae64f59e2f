import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Commands, DialkitError, I18nService } from '@dialkit/core';
import { createTestConsole, type TestConsole } from '@dialkit/core/testing';
import { DialkitProvider, useCommand, useService, useStream, useT } from '../src/index.js';
import { keysOf } from '../src/index.js';

let tc: TestConsole | undefined;
afterEach(async () => {
  cleanup();
  await tc?.dialkit.dispose();
  tc = undefined;
});

describe('useStream', () => {
  it('renders the getter\'s value first, then follows the stream (no flash of a stale value)', async () => {
    const subject = new BehaviorSubject(1);
    const seen: number[] = [];
    function Probe() {
      const v = useStream(subject.asObservable(), () => subject.value);
      seen.push(v);
      return <output>{v}</output>;
    }
    render(<Probe />);
    expect(seen[0]).toBe(1);
    await act(() => subject.next(2));
    expect(screen.getByRole('status').textContent).toBe('2');
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
  });
});

describe('useCommand, useService, useT', () => {
  it('tracks pending and the DialkitError of a failed run; useT re-renders on a locale switch', async () => {
    tc = await createTestConsole([], { users: { ana: 'pw' } });
    const { dialkit } = tc;
    function Probe() {
      const login = useCommand(Commands.login);
      const i18n = useService(I18nService);
      const t = useT();
      return (
        <div>
          <button type="button" onClick={() => void login.run({ username: 'ana', password: 'nope' })}>{t('login.submit')}</button>
          <span data-testid="state">{login.pending ? 'pending' : login.error?.code ?? 'idle'}</span>
          <span data-testid="locale">{i18n.locale}</span>
        </div>
      );
    }
    render(<DialkitProvider dialkit={dialkit}><Probe /></DialkitProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByTestId('state').textContent).toBe('pending');
    await act(() => tc!.time.settle());
    expect(screen.getByTestId('state').textContent).toBe('agent.invalid-credentials');
    await act(() => dialkit.i18n.setLocale('es'));
    expect(screen.getByRole('button', { name: 'Iniciar sesión' })).toBeTruthy();
  });

  it('useService names a missing service', async () => {
    tc = await createTestConsole();
    const Missing = () => {
      useService(Symbol.for('dialkit:plugin.none.thing') as never);
      return null;
    };
    expect(() => render(<DialkitProvider dialkit={tc!.dialkit}><Missing /></DialkitProvider>)).toThrow(DialkitError);
  });
});

describe('keysOf', () => {
  it('reads combinations as the hotkey registry writes them', () => {
    const k = (init: KeyboardEventInit) => keysOf(new KeyboardEvent('keydown', init));
    expect(k({ key: '˙', code: 'KeyH', altKey: true })).toBe('Alt+H');
    expect(k({ key: '1', code: 'Digit1' })).toBe('1');
    expect(k({ key: '?', code: 'Slash', shiftKey: true })).toBe('?');
    expect(k({ key: 'F2', code: 'F2', ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+F2');
    expect(k({ key: 'Alt', code: 'AltLeft', altKey: true })).toBeUndefined();
  });
});
