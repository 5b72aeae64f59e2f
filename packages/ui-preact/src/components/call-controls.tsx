import { useEffect, useRef, useState } from 'preact/hooks';
import { Commands, Slots, isLive, type Call } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';
import { errorText } from '../format.js';
import { isTyping, registerIfFree } from '../hotkeys.js';
import { useKeysFor } from '../hooks/use-keys-for.js';
import { DialPad } from './dial-pad.js';
import { Slot } from './slot.js';

/** Props of {@link CallControls}. */
export interface CallControlsProps {
  /** The call to control; the call in focus (`calls.active$`) by default. */
  readonly call?: Call | null;
}

/**
 * B13, B14, B20, B18: answer / reject an offered call (focus moves to Answer when one arrives,
 * unless the agent is typing in a field: then focus stays, and the offer is announced in a polite
 * live region with the key that answers it), hang up, hold / resume, mute / unmute, and the keypad that sends DTMF to the connected call
 * (`Alt+K` opens it and focuses its first key). Controls the backend cannot do are hidden (capabilities);
 * controls the call's state does not allow are disabled. Plugins add buttons through the
 * `call.controls` slot (context: the call).
 */
export function CallControls({ call: given }: CallControlsProps) {
  const dialkit = useDialkit();
  const t = useT();
  const active = useStream(dialkit.calls.active$, () => dialkit.calls.active);
  const call = given === undefined ? active : given;
  const caps = dialkit.capabilities;
  const answer = useCommand(Commands.answer);
  const reject = useCommand(Commands.reject);
  const hangup = useCommand(Commands.hangup);
  const hold = useCommand(Commands.hold);
  const resume = useCommand(Commands.resume);
  const mute = useCommand(Commands.mute);
  const answerRef = useRef<HTMLButtonElement>(null);
  const [keypad, setKeypad] = useState(false);
  const toggleKeypad = useRef<() => void>(() => undefined);
  useEffect(() => {
    const d = registerIfFree(dialkit.hotkeys, { id: 'call.keypad', keys: 'Alt+K', label: 'hotkey.call.keypad', run: () => toggleKeypad.current() });
    return () => d?.dispose();
  }, [dialkit]);
  const answerKeys = useKeysFor('call.answer');
  const offered = call?.status.kind === 'offered' ? call : null;
  const offeredId = offered?.id ?? null;
  useEffect(() => {
    // Not while the agent types (a number, a note): a keystroke meant for the field would answer or reject.
    if (offeredId !== null && !isTyping(document.activeElement)) answerRef.current?.focus();
  }, [offeredId]);
  const from = offered === null ? '' : offered.lead?.name ?? offered.remoteName ?? offered.remoteNumber;
  // Always in the page, so that screen readers announce what appears in it.
  const announcement = (
    <p class="dk-visually-hidden dk-offer-announcement" role="status" aria-live="polite" aria-atomic="true">
      {offered === null ? '' : answerKeys === undefined ? t('controls.offered', { from }) : t('controls.offeredKeys', { from, keys: answerKeys })}
    </p>
  );
  // Opened by its hotkey, the keypad takes focus on its first key once it is rendered.
  const focusKeypad = useRef(false);
  useEffect(() => {
    if (!keypad || !focusKeypad.current) return;
    focusKeypad.current = false;
    document.querySelector<HTMLButtonElement>('#dk-call-keypad button')?.focus();
  }, [keypad]);
  toggleKeypad.current = () => {
    if (call === null || !isLive(call) || !caps.has('dtmf')) return;
    focusKeypad.current = !keypad;
    setKeypad(!keypad);
  };
  if (call === null) return <>{announcement}</>;
  const kind = call.status.kind;
  const callId = call.id;
  const live = isLive(call);
  const heldByMe = call.status.kind === 'held' && call.status.by === 'local';
  const error = answer.error ?? reject.error ?? hangup.error ?? hold.error ?? resume.error ?? mute.error;
  return (
    <>
      {announcement}
      <div class="dk-call-controls" role="toolbar" aria-label={t('controls.label')} data-call={callId}>
        {kind === 'offered' && (
          <>
            <button ref={answerRef} type="button" class="dk-answer" disabled={answer.pending} onClick={() => void answer.run({ callId })}>
              {t('controls.answer')}
            </button>
            <button type="button" class="dk-reject" disabled={reject.pending} onClick={() => void reject.run({ callId })}>
              {t('controls.reject')}
            </button>
          </>
        )}
        {live && (
          <button type="button" class="dk-hangup" disabled={hangup.pending} onClick={() => void hangup.run({ callId })}>
            {t('controls.hangup')}
          </button>
        )}
        {live && caps.has('hold') && (
          <button type="button" class="dk-hold" aria-pressed={heldByMe}
            disabled={hold.pending || resume.pending || !(kind === 'connected' || heldByMe)}
            onClick={() => void (heldByMe ? resume.run({ callId }) : hold.run({ callId }))}>
            {heldByMe ? t('controls.resume') : t('controls.hold')}
          </button>
        )}
        {live && caps.has('mute') && (
          <button type="button" class="dk-mute" aria-pressed={call.muted}
            disabled={mute.pending || !(kind === 'connected' || kind === 'held')}
            onClick={() => void mute.run({ callId, muted: !call.muted })}>
            {call.muted ? t('controls.unmute') : t('controls.mute')}
          </button>
        )}
        {live && caps.has('dtmf') && (
          <button type="button" class="dk-keypad-toggle" aria-expanded={keypad} aria-controls="dk-call-keypad"
            onClick={() => toggleKeypad.current()}>
            {t('controls.keypad')}
          </button>
        )}
        <Slot name={Slots.callControls} context={call} />
        {error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, error)}</p>}
        {live && caps.has('dtmf') && keypad && (
          <div id="dk-call-keypad" class="dk-call-keypad">
            <DialPad call={call} />
          </div>
        )}
      </div>
    </>
  );
}
