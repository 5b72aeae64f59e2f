import type { BackendModule, Plugin } from '@dialkit/core';

/** A backend chosen by the page's URL, with the test controls it offers (the sim's). */
export interface LoadedBackend {
  /** The module(s) to compose the console with, in priority order (the first provider of a port wins). */
  readonly module: BackendModule | readonly BackendModule[];
  /** Plugins the backend needs (the SIP mode registers the phone at login). */
  readonly plugins?: readonly Plugin[];
  /** The sim's control API (tests and demos). */
  readonly control?: unknown;
}

/** Keeps ICE on loopback (`?ice=loopback`): a test machine's other interfaces are never used. */
const loopbackOnly = (candidate: string): boolean => / 127\.0\.0\.1 /.test(candidate);

/**
 * Loads the backend named by `?backend=` lazily, so one backend's code never weighs on another's:
 *
 * - `sim` (the default): the embedded simulated dialer; `?seed=` and `?speed=`.
 * - `sip`: calls over SIP (`?sip=ws://127.0.0.1:8188`, the project's rig by default) with WebRTC
 *   media; presence, campaigns, leads and dispositions from the sim (which places no calls).
 */
export async function loadBackend(params: URLSearchParams): Promise<LoadedBackend> {
  const name = params.get('backend') ?? 'sim';
  const seed = Number(params.get('seed') ?? 7);
  const speed = Number(params.get('speed') ?? 1);
  const simOptions = { seed: Number.isFinite(seed) ? seed : 7, speed: Number.isFinite(speed) && speed > 0 ? speed : 1 };
  switch (name) {
    case 'sim': {
      const { createSim } = await import('@dialkit/sim');
      const sim = createSim(simOptions);
      return { module: sim.module, control: sim.control };
    }
    case 'sip': {
      const [{ createSim }, { webRtcMediaEngine }, { sipOnLogin }] = await Promise.all([
        import('@dialkit/sim'), import('@dialkit/sip-adapter/webrtc'), import('./sip-mode.js'),
      ]);
      const sim = createSim({ ...simOptions, calls: false });
      const media = webRtcMediaEngine(params.get('ice') === 'loopback' ? { candidateFilter: loopbackOnly } : {});
      const sip = sipOnLogin({ server: params.get('sip') ?? 'ws://127.0.0.1:8188', media });
      return { module: [sip.module, sim.module], plugins: [sip.plugin], control: sim.control };
    }
    default:
      throw new Error(`Unknown backend '${name}': use ?backend=sim or ?backend=sip`);
  }
}
