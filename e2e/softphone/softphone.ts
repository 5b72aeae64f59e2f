// The customer's softphone for the browser SIP test: sip.js with real WebRTC, in its own page.
// Bundled by the test with esbuild and served on the console's origin; driven through
// `window.softphone`. Test fixture only: never shipped.
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';

/** Keeps ICE on loopback (the test machine may have other interfaces; nothing leaves it). */
const loopbackOnly = (d: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> =>
  Promise.resolve({ type: d.type, sdp: (d.sdp ?? '').split('\r\n').filter((l) => !l.startsWith('a=candidate') || / 127\.0\.0\.1 /.test(l)).join('\r\n') });

let ua: UserAgent | undefined;
let session: Session | undefined;
const log: string[] = [];

function peer(): RTCPeerConnection | undefined {
  return (session?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined)?.peerConnection;
}

/** Plays what the agent says (WebRTC measures the audio level of what is played out). */
function play(): void {
  const pc = peer();
  if (!pc) return;
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.srcObject = new MediaStream(pc.getReceivers().map((r) => r.track));
  document.body.append(audio);
  void audio.play().catch((e: unknown) => log.push(`play: ${String(e)}`));
}

const softphone = {
  log,
  async start(o: { wsUrl: string; user: string; password: string }): Promise<void> {
    const uri = UserAgent.makeURI(`sip:${o.user}@127.0.0.1`);
    if (!uri) throw new Error(`bad user '${o.user}'`);
    ua = new UserAgent({
      uri,
      authorizationUsername: o.user,
      authorizationPassword: o.password,
      transportOptions: { server: o.wsUrl },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 1000 },
      logLevel: 'error',
    });
    await ua.start();
    const reg = new Registerer(ua);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('softphone: not registered in 5 s')), 5000);
      reg.stateChange.addListener((s: RegistererState) => {
        if (s === RegistererState.Registered) {
          clearTimeout(t);
          resolve();
        }
      });
      void reg.register();
    });
  },
  /** Calls the agent; resolves once the call is placed (not answered). */
  async call(target: string, headers: string[] = []): Promise<void> {
    if (!ua) throw new Error('softphone not started');
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error(`bad target '${target}'`);
    const inviter = new Inviter(ua, uri, {
      extraHeaders: headers,
      sessionDescriptionHandlerModifiers: [loopbackOnly],
    });
    session = inviter;
    inviter.stateChange.addListener((s: SessionState) => {
      log.push(`session ${s}`);
      if (s === SessionState.Established) play();
    });
    await inviter.invite({ requestDelegate: { onReject: (r) => void log.push(`rejected ${r.message.statusCode}`) } });
  },
  async hangup(): Promise<void> {
    if (session?.state === SessionState.Established) await session.bye();
  },
  /** What the customer's side sees now. */
  async state() {
    const pc = peer();
    let packetsReceived = 0;
    let audioLevel = 0;
    if (pc) {
      const stats = await pc.getStats();
      stats.forEach((s: { type: string; kind?: string; packetsReceived?: number; audioLevel?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          packetsReceived = s.packetsReceived ?? 0;
          audioLevel = s.audioLevel ?? 0;
        }
      });
    }
    // The agent's hold shows in the SDP they sent us last: they stop receiving.
    const remote = pc?.remoteDescription?.sdp ?? '';
    const heldByAgent = /a=(sendonly|inactive)/.test(remote);
    return { session: session?.state ?? 'none', connection: pc?.connectionState ?? 'none', packetsReceived, audioLevel, heldByAgent };
  },
};

(window as unknown as { softphone: typeof softphone }).softphone = softphone;
(window as unknown as { softphoneReady: boolean }).softphoneReady = true;
