import { BehaviorSubject, Observable, Subject, distinctUntilChanged, shareReplay } from 'rxjs';
import { DialkitError, type AudioDevice, type AudioDeviceChoice, type AudioDevicesPort, type Logger } from '@dialkit/core';
import { errorText } from './error-text.js';

/** Where the choice is remembered (`localStorage`): device ids only. @internal */
export const DEVICES_STORAGE_KEY = 'dialkit.audio-devices';

/** Where the device choice is remembered: the part of `localStorage` the engine uses. */
export interface DeviceChoiceStore {
  /** Reads a value (null when absent). */
  getItem(key: string): string | null;
  /** Writes a value. */
  setItem(key: string, value: string): void;
}

/** Reads a remembered choice; anything unreadable is the system default. @internal */
export function loadDeviceChoice(store: DeviceChoiceStore | undefined): AudioDeviceChoice {
  try {
    const v = JSON.parse(store?.getItem(DEVICES_STORAGE_KEY) ?? '{}') as Partial<Record<string, unknown>>;
    const id = (x: unknown): string | null => (typeof x === 'string' && x !== '' && x.length <= 256 ? x : null);
    return { input: id(v['input']), output: id(v['output']) };
  } catch {
    return { input: null, output: null };
  }
}

/** The browser's device list → Dialkit's (audio only, without the `default`/`communications` aliases). @internal */
export function toAudioDevices(list: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[]): AudioDevice[] {
  return list
    .filter((d) => (d.kind === 'audioinput' || d.kind === 'audiooutput') && d.deviceId !== '' && d.deviceId !== 'default' && d.deviceId !== 'communications')
    .map((d) => ({ id: d.deviceId, label: d.label, kind: d.kind === 'audioinput' ? 'input' : 'output' }));
}

/**
 * {@link AudioDevicesPort} over `navigator.mediaDevices`: the list follows `devicechange`, the
 * choice is remembered in `localStorage` (`dialkit.audio-devices`) and applied to live calls by
 * `apply`. @internal
 */
export class BrowserAudioDevices implements AudioDevicesPort {
  private readonly choiceSubject: BehaviorSubject<AudioDeviceChoice>;
  private readonly refreshSubject = new Subject<void>();
  readonly devices$: Observable<readonly AudioDevice[]>;
  readonly selected$: Observable<AudioDeviceChoice>;

  constructor(
    private readonly media: MediaDevices | undefined,
    private readonly store: DeviceChoiceStore | undefined,
    private readonly apply: (kind: 'input' | 'output', deviceId: string | null) => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.choiceSubject = new BehaviorSubject(loadDeviceChoice(store));
    this.selected$ = this.choiceSubject.asObservable();
    this.devices$ = new Observable<readonly AudioDevice[]>((subscriber) => {
      const refresh = () => void this.list().then((l) => subscriber.next(l), (e: unknown) => this.logger.log('warn', 'webrtc: listing audio devices failed', { error: errorText(e) }));
      media?.addEventListener('devicechange', refresh);
      const sub = this.refreshSubject.subscribe(refresh);
      refresh();
      return () => {
        media?.removeEventListener('devicechange', refresh);
        sub.unsubscribe();
      };
    }).pipe(distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)), shareReplay({ bufferSize: 1, refCount: true }));
  }

  /** The choice now. */
  get choice(): AudioDeviceChoice {
    return this.choiceSubject.value;
  }

  /** Lists the devices again (labels appear once the microphone is allowed). */
  refresh(): void {
    this.refreshSubject.next();
  }

  async select(kind: 'input' | 'output', deviceId: string | null): Promise<void> {
    if (kind !== 'input' && kind !== 'output') throw new DialkitError('input.invalid', `Audio device kind '${String(kind)}' must be 'input' or 'output'`);
    if (deviceId !== null && !(await this.list()).some((d) => d.kind === kind && d.id === deviceId)) {
      throw new DialkitError('input.invalid', `No audio ${kind} device has the id '${String(deviceId).slice(0, 64)}'`);
    }
    const next = { ...this.choice, [kind]: deviceId };
    this.choiceSubject.next(next);
    try {
      this.store?.setItem(DEVICES_STORAGE_KEY, JSON.stringify(next));
    } catch (e) {
      this.logger.log('warn', 'webrtc: the audio device choice could not be remembered', { error: errorText(e) });
    }
    await this.apply(kind, deviceId);
  }

  private async list(): Promise<AudioDevice[]> {
    return this.media ? toAudioDevices(await this.media.enumerateDevices()) : [];
  }
}
