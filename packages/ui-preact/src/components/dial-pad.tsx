import { Commands } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Props of {@link DialPad}. */
export interface DialPadProps {
  /** Where digits go when no call is connected (e.g. the manual-dial number). */
  readonly onDigit?: (digit: string) => void;
}

/**
 * B18: the dial pad. On a connected call each key sends DTMF (when the backend supports it);
 * otherwise the digit goes to `onDigit` (the manual-dial number).
 */
export function DialPad({ onDigit }: DialPadProps) {
  const dialkit = useDialkit();
  const t = useT();
  const active = useStream(dialkit.calls.active$, () => dialkit.calls.active);
  const dtmf = useCommand(Commands.sendDtmf);
  const toCall = active?.status.kind === 'connected' && dialkit.capabilities.has('dtmf') ? active : null;
  const press = (digit: string): void => {
    if (toCall) void dtmf.run({ callId: toCall.id, digits: digit });
    else onDigit?.(digit);
  };
  return (
    <div class="dk-dial-pad" role="group" aria-label={toCall ? t('pad.dtmf') : t('pad.label')}>
      {KEYS.map((k) => (
        <button key={k} type="button" aria-label={t('pad.key', { key: k })} onClick={() => press(k)}>
          {k}
        </button>
      ))}
      {dtmf.error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, dtmf.error)}</p>}
    </div>
  );
}
