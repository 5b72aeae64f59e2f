// The page of the WebRTC media engine's browser test (e2e/webrtc-engine.e2e.test.ts): in ONE page,
// an agent on Dialkit's SIP backend with `webRtcMediaEngine` and two customers, B and C, on plain
// sip.js with real WebRTC, all registered at the project's Kamailio rig. Bundled by the test with
// esbuild (from the packages' sources), served from a loopback origin of its own and driven through
// `window.harness`. Test fixture only: never shipped.
//
// Test-only hooks live here, never in the package:
//  - the engine is wrapped so that the harness can see the media sessions it creates (their
//    `RTCPeerConnection`, to read the sender's track); every call still goes to the engine as is;
//  - `AudioNode.prototype.connect` is wrapped so that whatever the page connects to an
//    `AudioContext`'s speakers (`context.destination`) is also connected to an `AnalyserNode`:
//    the harness hears what the engine plays through WebAudio (the ringtone);
//  - `AudioScheduledSourceNode` start / stop are counted (sources playing now);
//  - a customer can watch the RTP it receives with an encoded-frame transform (RFC 4733 events).
import { asyncScheduler, filter, firstValueFrom, timeout } from 'rxjs';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type Invitation, type Session, type SessionDescriptionHandlerModifier } from 'sip.js';
import { memoryLogger, schedulerClock, type AudioDevice, type BackendEvent, type CallControlPort } from '../../packages/core/src/index.js';
import { createSipBackend, type MediaEngine, type MediaSession } from '../../packages/sip-adapter/src/index.js';
import { webRtcMediaEngine } from '../../packages/sip-adapter/src/webrtc.js';

const LOOPBACK = (line: string): boolean => / 127\.0\.0\.1 /.test(line);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with the first truthy value of `check` (polled every 20 ms); rejects after `ms` (every step is bounded). */
async function until<T>(ms: number, what: string, check: () => T | undefined | false): Promise<T> {
  for (const end = Date.now() + ms; ;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(20);
  }
}

/** Rejects after `ms` with `what` if `work` has not settled. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    }),
  ]);
}

// --- Hook: what reaches an AudioContext's speakers, and which scheduled sources play ------------

const taps = new Map<BaseAudioContext, AnalyserNode>();
const playing = new Set<AudioScheduledSourceNode>();
/** The harness' own sources (not counted as playing). */
const ours = new WeakSet<AudioNode>();
const nativeConnect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
function tapOf(context: BaseAudioContext): AnalyserNode {
  let tap = taps.get(context);
  if (!tap) {
    tap = context.createAnalyser();
    tap.fftSize = 2048; // a window of 43–46 ms (48 or 44.1 kHz), 22–23 Hz per frequency bin
    tap.smoothingTimeConstant = 0;
    // A silent source keeps the analyser processing: with no input at all it would keep showing
    // the last audio it had (a ringtone stopped a second ago).
    const keepAlive = context.createConstantSource();
    keepAlive.offset.value = 0;
    ours.add(keepAlive);
    nativeConnect.call(keepAlive, tap);
    keepAlive.start();
    taps.set(context, tap);
  }
  return tap;
}
(AudioNode.prototype as unknown as { connect: (...args: unknown[]) => unknown }).connect = function (this: AudioNode, ...args: unknown[]) {
  const result = nativeConnect.apply(this, args);
  const target = args[0];
  if (target instanceof AudioDestinationNode) nativeConnect.call(this, tapOf(target.context));
  return result;
};
// AudioBufferSourceNode has start() of its own; OscillatorNode and the others inherit it.
for (const proto of [AudioScheduledSourceNode.prototype, AudioBufferSourceNode.prototype] as AudioScheduledSourceNode[]) {
  const own = proto as unknown as { start: (...args: unknown[]) => void; stop: (...args: unknown[]) => void };
  const nativeStart = own.start;
  const nativeStop = own.stop;
  own.start = function (this: AudioScheduledSourceNode, ...args: unknown[]) {
    if (!ours.has(this)) playing.add(this);
    this.addEventListener('ended', () => playing.delete(this));
    nativeStart.apply(this, args);
  };
  own.stop = function (this: AudioScheduledSourceNode, ...args: unknown[]) {
    playing.delete(this);
    nativeStop.apply(this, args);
  };
}

/** What the page's AudioContexts play to their speakers over `ms`: loudest sample and its main frequency. */
async function speakers(ms: number, stopWhenLouderThan = Infinity): Promise<{ contexts: string[]; peak: number; frequencyHz: number; sources: number; sourcesMax: number }> {
  let peak = 0;
  let frequencyHz = 0;
  let sourcesMax = playing.size;
  for (const end = Date.now() + ms; Date.now() < end && peak <= stopWhenLouderThan;) {
    for (const [context, tap] of taps) {
      const wave = new Float32Array(tap.fftSize);
      tap.getFloatTimeDomainData(wave);
      let loudest = 0;
      for (const v of wave) loudest = Math.max(loudest, Math.abs(v));
      if (loudest > peak) {
        peak = loudest;
        const spectrum = new Float32Array(tap.frequencyBinCount);
        tap.getFloatFrequencyData(spectrum);
        let best = 0;
        spectrum.forEach((db, i) => {
          if (db > (spectrum[best] ?? -Infinity)) best = i;
        });
        frequencyHz = (best * context.sampleRate) / tap.fftSize;
      }
    }
    sourcesMax = Math.max(sourcesMax, playing.size);
    await sleep(20);
  }
  return { contexts: [...taps.keys()].map((c) => c.state), peak, frequencyHz, sources: playing.size, sourcesMax };
}

// --- The customers: plain sip.js with WebRTC, answering the agent and playing what they hear ---

const loopbackOnly: SessionDescriptionHandlerModifier = (d) => Promise.resolve({ type: d.type, sdp: (d.sdp ?? '').split('\r\n').filter((l) => !l.startsWith('a=candidate') || LOOPBACK(l)).join('\r\n') });

/** RFC 4733 telephone-events as the receiver's encoded-frame transform sees them (a worker). */
const DTMF_WORKER = `
onrtctransform = (event) => {
  const { readable, writable, options } = event.transformer;
  let frames = 0;
  readable.pipeThrough(new TransformStream({
    transform(frame, controller) {
      frames++;
      const m = frame.getMetadata();
      if (options.pts.includes(m.payloadType)) {
        const b = new Uint8Array(frame.data);
        postMessage({ kind: 'event', pt: m.payloadType, rtpTimestamp: m.rtpTimestamp ?? frame.timestamp, event: b[0], end: (b[1] & 0x80) !== 0, duration: ((b[2] << 8) | b[3]) });
      } else if (frames % 25 === 1) {
        postMessage({ kind: 'audio', pt: m.payloadType, frames });
      }
      controller.enqueue(frame);
    },
  })).pipeTo(writable);
};`;

interface DtmfPacket { readonly pt: number; readonly rtpTimestamp: number; readonly event: number; readonly end: boolean; readonly duration: number }

class Customer {
  private ua: UserAgent | undefined;
  session: Session | undefined;
  readonly log: string[] = [];
  readonly dtmf: DtmfPacket[] = [];
  audioFrames = 0;
  private audio: HTMLAudioElement | undefined;
  /** Watch the next call's received RTP for telephone-events (see {@link Customer.watchNextCall}). */
  private watchNext = false;
  /** The telephone-event payload types of the call watched (from the far end's SDP offer). */
  dtmfPts: number[] = [];

  constructor(readonly user: string) {}

  async start(wsUrl: string): Promise<void> {
    const uri = UserAgent.makeURI(`sip:${this.user}@127.0.0.1`);
    if (!uri) throw new Error(`bad user '${this.user}'`);
    this.ua = new UserAgent({
      uri,
      authorizationUsername: this.user,
      authorizationPassword: `${this.user}-pw`,
      transportOptions: { server: wsUrl },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 1000 },
      logLevel: 'error',
      delegate: {
        // The customer picks up every call at once.
        onInvite: (invitation: Invitation) => {
          this.adopt(invitation);
          invitation.accept({ sessionDescriptionHandlerModifiers: [loopbackOnly, this.dtmfWatch] }).catch((e: unknown) => this.log.push(`accept: ${String(e)}`));
        },
      },
    });
    await this.ua.start();
    const registerer = new Registerer(this.ua);
    await within(5000, `${this.user} registers`, new Promise<void>((resolve) => {
      registerer.stateChange.addListener((s: RegistererState) => {
        if (s === RegistererState.Registered) resolve();
      });
      void registerer.register();
    }));
  }

  /** Calls `target`; resolves once the INVITE is sent (not answered). */
  async call(target: string): Promise<void> {
    if (!this.ua) throw new Error('customer not started');
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error(`bad target '${target}'`);
    const inviter = new Inviter(this.ua, uri, { sessionDescriptionHandlerModifiers: [loopbackOnly] });
    this.adopt(inviter);
    await inviter.invite({ requestDelegate: { onReject: (r) => void this.log.push(`rejected ${r.message.statusCode}`) } });
  }

  async hangup(): Promise<void> {
    const s = this.session;
    if (!s) return;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) await s.cancel();
  }

  pc(): RTCPeerConnection | undefined {
    return (this.session?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined)?.peerConnection;
  }

  /** The customer's own microphone on (true) or off (false): what the other parties can hear of them. */
  setSending(on: boolean): void {
    for (const s of this.pc()?.getSenders() ?? []) if (s.track) s.track.enabled = on;
  }

  /**
   * Watches the next call the customer answers for RFC 4733 telephone-events in the RTP it
   * receives: an encoded-frame transform (a worker) on the call's receiver, passing every frame on.
   */
  watchNextCall(): void {
    this.watchNext = true;
  }

  /**
   * A modifier of the far end's offer, before sip.js applies it (the receiver exists: sip.js has
   * added the microphone). Chromium routes received frames through the transform of a receiver
   * created by `addTrack` only when it is set before the offer is applied.
   */
  private readonly dtmfWatch: SessionDescriptionHandlerModifier = (description) => {
    const receiver = this.pc()?.getReceivers()[0];
    if (this.watchNext && description.type === 'offer' && receiver) {
      this.watchNext = false;
      this.dtmfPts = [...(description.sdp ?? '').matchAll(/^a=rtpmap:(\d+) telephone-event\//gm)].map((m) => Number(m[1]));
      const worker = new Worker(URL.createObjectURL(new Blob([DTMF_WORKER], { type: 'text/javascript' })));
      worker.onmessage = (e: MessageEvent<{ kind: string; frames?: number } & DtmfPacket>) => {
        if (e.data.kind === 'event') this.dtmf.push({ pt: e.data.pt, rtpTimestamp: e.data.rtpTimestamp, event: e.data.event, end: e.data.end, duration: e.data.duration });
        else this.audioFrames = e.data.frames ?? this.audioFrames;
      };
      worker.onerror = (e) => this.log.push(`dtmf worker: ${e.message}`);
      (receiver as RTCRtpReceiver & { transform: unknown }).transform = new RTCRtpScriptTransform(worker, { pts: this.dtmfPts });
    }
    return Promise.resolve(description);
  };

  state(): { session: string; connection: string; heldByAgent: boolean } {
    const pc = this.pc();
    return { session: this.session?.state ?? 'none', connection: pc?.connectionState ?? 'none', heldByAgent: /a=(sendonly|inactive)/.test(pc?.remoteDescription?.sdp ?? '') };
  }

  /** What the customer hears now: the inbound RTP's audio level and packet count. */
  async inbound(): Promise<{ audioLevel: number; packetsReceived: number }> {
    const stats = await this.pc()?.getStats();
    let audioLevel = 0;
    let packetsReceived = 0;
    stats?.forEach((s: { type: string; kind?: string; audioLevel?: number; packetsReceived?: number }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        audioLevel = s.audioLevel ?? 0;
        packetsReceived = s.packetsReceived ?? 0;
      }
    });
    return { audioLevel, packetsReceived };
  }

  private adopt(session: Session): void {
    this.session = session;
    this.dtmf.length = 0;
    this.audioFrames = 0;
    session.sessionDescriptionHandlerModifiersReInvite = [loopbackOnly];
    session.stateChange.addListener((s: SessionState) => {
      this.log.push(`session ${s}`);
      if (s === SessionState.Established && this.session === session) this.play();
    });
  }

  /** Plays what the customer receives (WebRTC measures the level of the audio it plays out). */
  private play(): void {
    const pc = this.pc();
    if (!pc) return;
    this.audio?.remove();
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.srcObject = new MediaStream(pc.getReceivers().map((r) => r.track));
    document.body.append(audio);
    this.audio = audio;
    void audio.play().catch((e: unknown) => this.log.push(`play: ${String(e)}`));
  }
}

// --- The agent: Dialkit's SIP backend with the WebRTC media engine, driven through its port ---

/** What the harness reads of the engine's media session of a call (runtime fields of `WebRtcSession`). */
interface EngineSession { readonly pc: RTCPeerConnection; readonly remote: MediaStream; readonly track: MediaStreamTrack | undefined }

const logger = memoryLogger(500);
const engine = webRtcMediaEngine({ candidateFilter: LOOPBACK, iceGatheringTimeoutMs: 2000, logger });
const sessions = new Map<string, EngineSession>();
const media: MediaEngine = {
  ...engine,
  createSession(context): MediaSession {
    const session = engine.createSession(context);
    sessions.set(context.callId, session as unknown as EngineSession);
    return session;
  },
};
const events: BackendEvent[] = [];
let calls: CallControlPort | undefined;
let lineCount = (): number => 0;
const tracks = new Map<string, MediaStreamTrack>();
const tones: Array<{ tone: string; at: number }> = [];

const customers: Record<'B' | 'C', Customer> = { B: new Customer('cust-b'), C: new Customer('cust-c') };
type Who = keyof typeof customers;

function port(): CallControlPort {
  if (!calls) throw new Error('agent not started');
  return calls;
}

function sessionOf(callId: string): EngineSession {
  const s = sessions.get(callId);
  if (!s) throw new Error(`the engine has no media for call '${callId}'`);
  return s;
}

function waitEvent(type: BackendEvent['type'], match: (e: BackendEvent) => boolean = () => true, ms = 8000): Promise<BackendEvent> {
  return until(ms, `agent event '${type}'`, () => events.find((e) => e.type === type && match(e)));
}
const ofCall = (callId: string) => (e: BackendEvent): boolean => 'callId' in e && e.callId === callId;

/** Inbound audio level of the agent's call (what the agent hears of that party). */
async function agentHears(callId: string): Promise<number> {
  const stats = await sessions.get(callId)?.pc.getStats();
  let level = 0;
  stats?.forEach((s: { type: string; kind?: string; audioLevel?: number }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') level = s.audioLevel ?? 0;
  });
  return level;
}

const harness = {
  async start(wsUrl: string): Promise<void> {
    const sip = createSipBackend({ server: wsUrl, user: 'agent', password: 'agent-pw', domain: '127.0.0.1', media });
    const instance = sip.module.create({ clock: schedulerClock(asyncScheduler), scheduler: asyncScheduler, logger });
    instance.events$.subscribe((e) => events.push(e));
    calls = instance.ports.callControl;
    lineCount = () => sip.control.lineCount;
    await within(5000, 'agent registers', sip.control.registered());
    await Promise.all([customers.B.start(wsUrl), customers.C.start(wsUrl)]);
  },

  /** The agent calls a customer; resolves with the call's id once it is connected and media flows. */
  async dial(who: Who): Promise<string> {
    const { callId } = await within(8000, `dial ${who}`, port().dial({ number: customers[who].user, origin: 'manual' }));
    await waitEvent('call.connected', ofCall(callId), 8000);
    await until(8000, `media to ${who}`, () => sessions.get(callId)?.pc.connectionState === 'connected' && customers[who].pc()?.connectionState === 'connected');
    return callId;
  },
  mute: (callId: string, muted: boolean) => port().mute(callId, muted),
  hold: (callId: string) => within(8000, 'hold', port().hold(callId)),
  conference: (callIds: string[]) => within(8000, 'conference', port().conference(callIds)),
  answer: (callId: string) => within(8000, 'answer', port().answer(callId)),
  /** The id of a call offered to the agent and not answered, refused or ended yet. */
  async offered(): Promise<string> {
    const settled = (id: string) => events.some((e) => (e.type === 'call.connected' || e.type === 'call.ended') && ofCall(id)(e));
    const e = await waitEvent('call.offered', (x) => x.type === 'call.offered' && !settled(x.callId));
    return (e as { callId: string }).callId;
  },
  waitConnected: (callId: string) => waitEvent('call.connected', ofCall(callId), 8000).then(() => undefined),
  /** The agent's events about a call (a conference names several calls). */
  trail: (callId: string): string[] => events.filter((e) => ofCall(callId)(e) || (e.type === 'call.conferenced' && e.callIds.includes(callId))).map((e) => e.type),
  errors: (): string[] => events.filter((e) => e.type === 'notification.raised').map((e) => JSON.stringify(e)),
  log: (): string[] => logger.entries.map((e) => `${e.level} ${e.message} ${JSON.stringify(e.data ?? {})}`),

  /**
   * The loudest audio each party hears over `ms` (max of the inbound RTP `audioLevel`, sampled every
   * 50 ms), the packets they received meanwhile, and what the agent hears on each of `agentCalls`.
   */
  async levels(ms: number, agentCalls: string[] = []): Promise<{ B: number; C: number; packetsB: number; packetsC: number; agent: Record<string, number> }> {
    const first = { B: await customers.B.inbound(), C: await customers.C.inbound() };
    const max = { B: 0, C: 0 };
    const agent: Record<string, number> = Object.fromEntries(agentCalls.map((id) => [id, 0]));
    let last = first;
    for (const end = Date.now() + ms; Date.now() < end;) {
      last = { B: await customers.B.inbound(), C: await customers.C.inbound() };
      max.B = Math.max(max.B, last.B.audioLevel);
      max.C = Math.max(max.C, last.C.audioLevel);
      for (const id of agentCalls) agent[id] = Math.max(agent[id] ?? 0, await agentHears(id));
      await sleep(50);
    }
    return { ...max, packetsB: last.B.packetsReceived - first.B.packetsReceived, packetsC: last.C.packetsReceived - first.C.packetsReceived, agent };
  },
  customer: (who: Who) => customers[who].state(),
  setSending: (who: Who, on: boolean) => customers[who].setSending(on),
  customerLog: (who: Who) => customers[who].log,
  call: (who: Who, target: string) => within(8000, `${who} calls ${target}`, customers[who].call(target)),

  // DTMF: what the agent's RTCDTMFSender plays, and what the customer receives.
  /** B's (or C's) next answered call watches its received RTP for telephone-events. */
  watchNextCall: (who: Who) => customers[who].watchNextCall(),
  /** Records the `tonechange` events of the agent's RTCDTMFSender on a call. */
  watchTones(callId: string): { canInsert: boolean } {
    const dtmf = sessionOf(callId).pc.getSenders()[0]?.dtmf;
    if (!dtmf) throw new Error('no RTCDTMFSender');
    tones.length = 0;
    dtmf.addEventListener('tonechange', (e) => tones.push({ tone: e.tone, at: Math.round(performance.now()) }));
    return { canInsert: dtmf.canInsertDTMF };
  },
  sendDtmf: (callId: string, digits: string) => port().sendDtmf(callId, digits),
  /** Waits until the DTMF sender reports the end of its tones (an empty `tonechange`). */
  dtmfDone: () => until(5000, 'DTMF tones', () => tones.at(-1)?.tone === '').then(() => undefined),
  tones: () => [...tones],
  /** The telephone-events the customer received, and the telephone-event payload types offered and in their answer. */
  dtmfReceived: (who: Who) => ({
    pts: customers[who].dtmfPts,
    answered: [...(customers[who].pc()?.localDescription?.sdp ?? '').matchAll(/^a=rtpmap:(\d+) telephone-event\/(\d+)/gm)].map((m) => `${m[1]}/${m[2]}`),
    packets: [...customers[who].dtmf],
    audioFrames: customers[who].audioFrames,
  }),

  // Devices.
  devices: (): Promise<readonly AudioDevice[]> => firstValueFrom(engine.devices.devices$.pipe(filter((l) => l.length > 0 && l.every((d) => d.label !== '')), timeout(5000))),
  selectInput: (id: string) => within(5000, 'select input', engine.devices.select('input', id)),
  /** The agent's sending track on a call (kept by id so its state can be read after it is replaced). */
  sender(callId: string): { id: string; label: string; deviceId: string; readyState: string; enabled: boolean } | null {
    const track = sessionOf(callId).pc.getSenders()[0]?.track;
    if (!track) return null;
    tracks.set(track.id, track);
    return { id: track.id, label: track.label, deviceId: track.getSettings().deviceId ?? '', readyState: track.readyState, enabled: track.enabled };
  },
  trackState: (id: string) => tracks.get(id)?.readyState ?? 'unknown',
  storedChoice: () => localStorage.getItem('dialkit.audio-devices'),

  // WebAudio (the ringtone).
  speakers,

  /** Ends every call of the agent and of the customers; resolves when the agent holds no line. */
  async reset(): Promise<void> {
    const live = [...new Set(events.filter((e) => e.type === 'call.offered' || e.type === 'call.dialing').map((e) => (e as { callId: string }).callId))]
      .filter((id) => !events.some((e) => e.type === 'call.ended' && ofCall(id)(e)));
    for (const id of live) await port().hangup(id).catch(() => undefined);
    for (const c of Object.values(customers)) {
      await c.hangup().catch(() => undefined);
      c.setSending(true);
    }
    await until(8000, 'every line ends', () => lineCount() === 0);
  },
};

/** What the test drives (`window.harness`). */
export type Harness = typeof harness;

(window as unknown as { harness: Harness }).harness = harness;
(window as unknown as { harnessReady: boolean }).harnessReady = true;
