import { useState } from 'preact/hooks';
import { Commands, type Call } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { errorText } from '../format.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Props of {@link DialPad}. */
export interface DialPadProps {
  /** The call its keys send DTMF to (the keypad of a connected call). */
  readonly call?: Call | null;
  /** Where digits go when there is no call to send them to (e.g. the manual-dial number). */
  readonly onDigit?: (digit: string) => void;
}

/**
 * B18: the dial pad. Given a connected `call` (and a backend with the `dtmf` capability), each key
 * sends that digit to the call as DTMF, and the digits sent so far are shown and announced;
 * otherwise each key goes to `onDigit` (composing the manual-dial number).
 */
export function DialPad({ call, onDigit }: DialPadProps) {
  const dialkit = useDialkit();
  const t = useT();
  const dtmf = useCommand(Commands.sendDtmf);
  const [sent, setSent] = useState<{ readonly callId: string; readonly digits: string }>({ callId: '', digits: '' });
  const toCall = call?.status.kind === 'connected' && dialkit.capabilities.has('dtmf') ? call : null;
  const press = async (digit: string): Promise<void> => {
    if (!toCall) {
      onDigit?.(digit);
      return;
    }
    const callId = toCall.id;
    if ((await dtmf.run({ callId, digits: digit })).ok) {
      setSent((s) => ({ callId, digits: (s.callId === callId ? s.digits : '') + digit }));
    }
  };
  const shown = toCall && sent.callId === toCall.id ? sent.digits : '';
  return (
    <div class="dk-dial-pad" role="group" aria-label={toCall ? t('pad.dtmf') : t('pad.label')}>
      {KEYS.map((k) => (
        <button key={k} type="button" aria-label={t('pad.key', { key: k })} onClick={() => void press(k)}>
          {k}
        </button>
      ))}
      {toCall && (
        <p class="dk-dtmf-sent" role="status" aria-live="polite">
          {shown === '' ? t('pad.noneSent') : t('pad.sent', { digits: shown })}
        </p>
      )}
      {dtmf.error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, dtmf.error)}</p>}
    </div>
  );
}
