import type { BackendModule } from '@dialkit/core';

/** A backend chosen by the page's URL, with the test controls it offers (the sim's). */
export interface LoadedBackend {
  /** The module to compose the console with. */
  readonly module: BackendModule;
  /** The sim's control API (tests and demos), when the backend is the sim. */
  readonly control?: unknown;
}

/**
 * Loads the backend named by `?backend=` (default `sim`) lazily, so one backend's code never
 * weighs on another's. The sim takes `?seed=` and `?speed=`.
 */
export async function loadBackend(params: URLSearchParams): Promise<LoadedBackend> {
  const name = params.get('backend') ?? 'sim';
  switch (name) {
    case 'sim': {
      const { createSim } = await import('@dialkit/sim');
      const seed = Number(params.get('seed') ?? 7);
      const speed = Number(params.get('speed') ?? 1);
      const sim = createSim({ seed: Number.isFinite(seed) ? seed : 7, speed: Number.isFinite(speed) && speed > 0 ? speed : 1 });
      return { module: sim.module, control: sim.control };
    }
    default:
      throw new Error(`Unknown backend '${name}': use ?backend=sim`);
  }
}
