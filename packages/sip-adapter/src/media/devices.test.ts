import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isDialkitError, silentLogger, type AudioDevice, type AudioDeviceChoice } from '@dialkit/core';
import { BrowserAudioDevices, DEVICES_STORAGE_KEY, loadDeviceChoice, toAudioDevices } from './devices.js';

type Info = { deviceId: string; kind: 'audioinput' | 'audiooutput' | 'videoinput'; label: string };
// What Chromium lists once the microphone is allowed (with --use-fake-device-for-media-stream).
const LIST: Info[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default' },
  { deviceId: 'mic-1', kind: 'audioinput', label: 'Fake Audio Input 1' },
  { deviceId: 'mic-2', kind: 'audioinput', label: 'Fake Audio Input 2' },
  { deviceId: 'cam-1', kind: 'videoinput', label: 'Fake Video' },
  { deviceId: 'communications', kind: 'audiooutput', label: 'Communications' },
  { deviceId: 'spk-1', kind: 'audiooutput', label: 'Fake Audio Output 1' },
];

function setup(stored?: string) {
  let list = LIST;
  const media = Object.assign(new EventTarget(), { enumerateDevices: () => Promise.resolve(list) }) as unknown as MediaDevices;
  const store = new Map<string, string>(stored === undefined ? [] : [[DEVICES_STORAGE_KEY, stored]]);
  const applied: string[] = [];
  const devices = new BrowserAudioDevices(media, { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }, (kind, id) => {
    applied.push(`${kind}:${id}`);
    return Promise.resolve();
  }, silentLogger);
  return { devices, store, applied, media, replace: (l: Info[]) => (list = l) };
}

describe('audio devices', () => {
  it('lists microphones and speakers, without video and the default/communications aliases', () => {
    expect(toAudioDevices(LIST)).toEqual<AudioDevice[]>([
      { id: 'mic-1', label: 'Fake Audio Input 1', kind: 'input' },
      { id: 'mic-2', label: 'Fake Audio Input 2', kind: 'input' },
      { id: 'spk-1', label: 'Fake Audio Output 1', kind: 'output' },
    ]);
    expect(toAudioDevices([{ deviceId: '', kind: 'audioinput', label: '' }])).toEqual([]); // before permission
  });

  it('a device plugged in shows up on devicechange', async () => {
    const { devices, media, replace } = setup();
    const seen: (readonly AudioDevice[])[] = [];
    const sub = devices.devices$.subscribe((d) => seen.push(d));
    await new Promise((r) => setTimeout(r, 0));
    replace([...LIST, { deviceId: 'headset', kind: 'audioinput', label: 'USB Headset' }]);
    media.dispatchEvent(new Event('devicechange'));
    await new Promise((r) => setTimeout(r, 0));
    sub.unsubscribe();
    expect(seen.map((d) => d.length)).toEqual([3, 4]);
    expect(seen[1]?.at(-1)).toEqual({ id: 'headset', label: 'USB Headset', kind: 'input' });
  });

  it('choosing a microphone: applied to live calls, remembered under dialkit.audio-devices (ids only), restored on reload', async () => {
    const { devices, store, applied } = setup();
    expect(devices.choice).toEqual({ input: null, output: null });
    await devices.select('input', 'mic-2');
    await devices.select('output', 'spk-1');
    expect(applied).toEqual(['input:mic-2', 'output:spk-1']);
    expect(await firstValueFrom(devices.selected$)).toEqual<AudioDeviceChoice>({ input: 'mic-2', output: 'spk-1' });
    expect(JSON.parse(store.get(DEVICES_STORAGE_KEY) ?? '')).toEqual({ input: 'mic-2', output: 'spk-1' });
    expect(setup(store.get(DEVICES_STORAGE_KEY)).devices.choice).toEqual({ input: 'mic-2', output: 'spk-1' });
    await devices.select('input', null);
    expect(devices.choice).toEqual({ input: null, output: 'spk-1' });
  });

  it('an unknown id, or a speaker id given as a microphone → input.invalid, nothing changes', async () => {
    const { devices, applied } = setup();
    for (const [kind, id] of [['input', 'nope'], ['input', 'spk-1'], ['output', 'default']] as const) {
      const error = await devices.select(kind, id).catch((e: unknown) => e);
      expect(isDialkitError(error) && error.code).toBe('input.invalid');
    }
    expect(applied).toEqual([]);
    expect(devices.choice).toEqual({ input: null, output: null });
  });

  it('a stored choice that is not ours to read (corrupt, wrong types, absurd length) is the system default', () => {
    const store = (v: string) => ({ getItem: () => v, setItem: () => undefined });
    expect(loadDeviceChoice(store('{not json'))).toEqual({ input: null, output: null });
    expect(loadDeviceChoice(store(JSON.stringify({ input: 42, output: 'x'.repeat(300) })))).toEqual({ input: null, output: null });
    expect(loadDeviceChoice(store(JSON.stringify({ input: 'mic-1' })))).toEqual({ input: 'mic-1', output: null });
    expect(loadDeviceChoice(undefined)).toEqual({ input: null, output: null });
  });
});
