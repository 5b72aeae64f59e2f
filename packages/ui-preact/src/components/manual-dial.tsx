import { useEffect, useRef, useState } from 'preact/hooks';
import { Commands, normalizeNumber } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { registerIfFree } from '../hotkeys.js';
import { useKeysFor } from '../hooks/use-keys-for.js';
import { DialPad } from './dial-pad.js';

/**
 * What is wrong with a typed number, as a message key (`dial.error.*`), or null when it is valid
 * (the same rule as core's `normalizeNumber`: digits with an optional leading +, 3 to 20 of them;
 * spaces, dashes, dots and brackets are ignored).
 */
export function numberProblem(input: string): string | null {
  const s = input.trim().replace(/[\s\-.()]/g, '');
  if (s === '') return 'dial.error.empty';
  if (!/^\+?[0-9]*$/.test(s)) return 'dial.error.characters';
  if (normalizeNumber(input) === undefined) return 'dial.error.length';
  return null;
}

/**
 * B17 / C2: a manual call by number, validated as typed (the error names the problem), with the
 * dial pad. Hidden when the backend cannot dial by hand; explained when the campaign forbids it.
 * `Alt+D` focuses the number (bound only while the field is there).
 */
export function ManualDial() {
  const dialkit = useDialkit();
  const t = useT();
  const state = useStream(dialkit.agent.state$, () => dialkit.agent.state);
  const dial = useCommand(Commands.dial);
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const shown = dialkit.capabilities.has('manualDial') && state.session !== null;
  const allowed = shown && !(state.campaign && !state.campaign.allowManualDial);
  const keys = useKeysFor('call.manual-dial');
  // Alt+D is bound only while there is a number field to go to (not in a campaign that forbids
  // manual calls), and only if nothing else (a plugin) holds it.
  useEffect(() => {
    if (!allowed) return undefined;
    const d = registerIfFree(dialkit.hotkeys, { id: 'call.manual-dial', keys: 'Alt+D', label: 'hotkey.call.manual-dial', run: () => input.current?.focus() });
    return () => d?.dispose();
  }, [dialkit, allowed]);
  if (!shown) return null;
  if (!allowed) return <p class="dk-note">{t('dial.notAllowed')}</p>;
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const p = numberProblem(number);
    setProblem(p);
    if (p !== null) return;
    if ((await dial.run({ number, origin: 'manual' })).ok) setNumber('');
  };
  const edit = (value: string): void => {
    setNumber(value);
    setProblem(null);
    dial.reset();
  };
  const message = problem !== null ? t(problem) : dial.error ? errorText(dialkit.i18n, dial.error) : null;
  return (
    <form class="dk-manual-dial" aria-labelledby="dk-dial-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="dk-dial-title">{t('dial.title')}</h2>
      <label>
        {t('dial.number')}
        <input ref={input} type="tel" name="number" inputMode="tel" autoComplete="off" value={number} aria-keyshortcuts={keys}
          aria-invalid={message !== null} aria-describedby={message !== null ? 'dk-dial-error' : undefined}
          onInput={(e) => edit(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={dial.pending}>{t('dial.call')}</button>
      {message !== null && <p id="dk-dial-error" role="alert" class="dk-error">{message}</p>}
      <DialPad onDigit={(d) => edit(number + d)} />
    </form>
  );
}
