import { Commands, isLive, type Call } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT, type TranslateFn } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';

/** A call's state as text: "Connected", "On hold", "Ended: Busy"… */
export function callStateText(t: TranslateFn, call: Call): string {
  const s = call.status;
  if (s.kind === 'held') return t(`call.held.${s.by}`);
  if (s.kind === 'ended') return `${t('call.ended')}: ${t(`cause.${s.cause}`)}`;
  return t(`call.${s.kind}`);
}

/**
 * B16: line management. Each line with its number, party and state; hold or resume it, or
 * switch to it (the connected line is held first, then this one resumed).
 */
export function CallLines() {
  const dialkit = useDialkit();
  const t = useT();
  const lines = useStream(dialkit.calls.lines$, () => dialkit.calls.lines);
  const hold = useCommand(Commands.hold);
  const resume = useCommand(Commands.resume);
  const canHold = dialkit.capabilities.has('hold');
  if (lines.length === 0) return null;
  const switchTo = async (target: Call): Promise<void> => {
    const other = lines.find((c) => c.id !== target.id && c.status.kind === 'connected');
    if (other && !(await hold.run({ callId: other.id })).ok) return;
    await resume.run({ callId: target.id });
  };
  const error = hold.error ?? resume.error;
  return (
    <section class="dk-call-lines" aria-labelledby="dk-lines-title">
      <h2 id="dk-lines-title">{t('lines.title')}</h2>
      <ul>
        {lines.map((c) => {
          const who = c.lead?.name ?? c.remoteName ?? c.remoteNumber;
          const heldByMe = c.status.kind === 'held' && c.status.by === 'local';
          return (
            <li key={c.id} data-state={c.status.kind} aria-label={t('lines.line', { line: c.line })}>
              <span class="dk-line-no">{t('lines.line', { line: c.line })}</span>{' '}
              <span class="dk-line-party">{who}</span>{' '}
              <span class="dk-line-state">{callStateText(t, c)}</span>
              {canHold && isLive(c) && c.status.kind === 'connected' && (
                <button type="button" disabled={hold.pending} aria-label={t('lines.holdLine', { line: c.line })}
                  onClick={() => void hold.run({ callId: c.id })}>{t('controls.hold')}</button>
              )}
              {canHold && heldByMe && (
                <button type="button" disabled={resume.pending || hold.pending} aria-label={t('lines.switchTo', { line: c.line })}
                  onClick={() => void switchTo(c)}>{t('lines.switch')}</button>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, error)}</p>}
    </section>
  );
}
