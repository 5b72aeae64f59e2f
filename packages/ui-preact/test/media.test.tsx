import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AudioDevicesPort, CallQualityPort, DialkitError, type AudioDevice, type AudioDeviceChoice, type CallQuality } from '@dialkit/core';
import { qualityLevel } from '../src/index.js';
import { setup, type Rendered } from './helpers.js';

let current: Rendered | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
});

/** The quality stream a media engine would give, pushed by the test. */
function qualityPort() {
  const streams = new Map<string, Subject<CallQuality>>();
  const port: CallQualityPort = {
    quality$: (callId) => {
      const s = streams.get(callId) ?? new Subject<CallQuality>();
      streams.set(callId, s);
      return s.asObservable();
    },
  };
  return { port, push: (q: CallQuality) => streams.get(q.callId)?.next(q) };
}

/** The devices a media engine would list; records the choices. */
function devicesPort() {
  const devices: AudioDevice[] = [
    { id: 'mic-1', label: 'Headset microphone', kind: 'input' },
    { id: 'mic-2', label: '', kind: 'input' },
    { id: 'spk-1', label: 'Headset earphones', kind: 'output' },
  ];
  const selected$ = new BehaviorSubject<AudioDeviceChoice>({ input: null, output: null });
  const port: AudioDevicesPort = {
    devices$: new BehaviorSubject(devices),
    selected$,
    select: (kind, id) => {
      if (id !== null && !devices.some((d) => d.id === id && d.kind === kind)) return Promise.reject(new DialkitError('input.invalid', `No ${kind} device '${id}'`));
      selected$.next({ ...selected$.value, [kind]: id });
      return Promise.resolve();
    },
  };
  return { port, selected$ };
}

describe('call quality and audio devices (X8)', () => {
  it('the MOS maps to words at the usual thresholds', () => {
    expect([4.4, 4.1, 3.7, 3.2, 2.5].map(qualityLevel)).toEqual(['excellent', 'good', 'fair', 'poor', 'bad']);
  });

  it('the call information shows the quality the engine measures, updated as samples arrive', async () => {
    const q = qualityPort();
    current = await setup({ join: true, services: [[CallQualityPort, q.port]] });
    const r = current;
    await r.dialkit.agent.ready();
    r.backend.emit({ type: 'call.offered', callId: 'c1', direction: 'outbound', origin: 'predictive', remoteNumber: '600111222', campaignId: 'spring-sale' });
    r.backend.emit({ type: 'call.connected', callId: 'c1' });
    await r.settle();
    const info = screen.getByRole('region', { name: 'Call information' });
    expect(within(info).queryByRole('group', { name: 'Call quality' })).toBeNull();
    q.push({ callId: 'c1', at: 0, jitterMs: 2.4, packetLossPct: 0, rttMs: 1.2, mos: 4.41 });
    await r.settle();
    const quality = within(info).getByRole('group', { name: 'Call quality' });
    expect(quality.textContent).toContain('Call quality: excellent (MOS 4.4)');
    expect(quality.textContent).toContain('jitter 2 ms · loss 0.0 % · round trip 1 ms');
    q.push({ callId: 'c1', at: 2000, jitterMs: 40, packetLossPct: 6.5, rttMs: undefined, mos: 3.02 });
    await r.settle();
    expect(quality.getAttribute('data-level')).toBe('bad');
    expect(quality.textContent).toContain('round trip — ms');
  });

  it('My Profile lists microphones and speakers and switches them; without the port there is no such section', async () => {
    const d = devicesPort();
    current = await setup({ join: true, services: [[AudioDevicesPort, d.port]] });
    fireEvent.click(screen.getByRole('button', { name: 'My Profile' }));
    const group = screen.getByRole('group', { name: 'Audio devices' });
    const mic = within(group).getByLabelText<HTMLSelectElement>('Microphone');
    expect([...mic.options].map((o) => o.textContent)).toEqual(['System default', 'Headset microphone', 'Device 2']);
    fireEvent.change(mic, { target: { value: 'mic-2' } });
    await current.settle();
    expect(d.selected$.value).toEqual({ input: 'mic-2', output: null });
    const speaker = within(group).getByLabelText<HTMLSelectElement>('Speaker');
    fireEvent.change(speaker, { target: { value: 'spk-1' } });
    await current.settle();
    expect(d.selected$.value).toEqual({ input: 'mic-2', output: 'spk-1' });
    cleanup();
    await current.dialkit.dispose();

    current = await setup({ join: true });
    fireEvent.click(screen.getByRole('button', { name: 'My Profile' }));
    expect(screen.queryByRole('group', { name: 'Audio devices' })).toBeNull();
  });
});
