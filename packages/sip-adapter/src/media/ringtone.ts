/** A sound that can be started and stopped. @internal */
export interface Tone {
  start(): void;
  stop(): void;
}

/** Plays one {@link Tone} while at least one call rings; stops when the last one stops ringing. @internal */
export class Ringer {
  private readonly calls = new Set<string>();
  constructor(private readonly tone: Tone) {}

  /** Whether the tone plays now. */
  get active(): boolean {
    return this.calls.size > 0;
  }

  /** A call starts (`true`) or stops (`false`) ringing. */
  set(callId: string, ringing: boolean): void {
    const was = this.active;
    if (ringing) this.calls.add(callId);
    else this.calls.delete(callId);
    if (this.active && !was) this.tone.start();
    else if (!this.active && was) this.tone.stop();
  }

  /** Silences every call. */
  clear(): void {
    for (const id of [...this.calls]) this.set(id, false);
  }
}

/** Sample rate of the generated ring (WebAudio resamples it). @internal */
export const RING_RATE = 8000;

/**
 * One 3 s ring cycle, generated (no audio file): 400 + 450 Hz, on 0.4 s, off 0.2 s, on 0.4 s,
 * off 2 s (the UK double ring), at `volume` (0–1). @internal
 */
export function ringCycle(volume = 0.2): Float32Array<ArrayBuffer> {
  const data = new Float32Array(RING_RATE * 3);
  for (let i = 0; i < data.length; i++) {
    const t = i / RING_RATE;
    if (t < 0.4 || (t >= 0.6 && t < 1)) data[i] = (volume / 2) * (Math.sin(2 * Math.PI * 400 * t) + Math.sin(2 * Math.PI * 450 * t));
  }
  return data;
}

/** A {@link Tone} that loops {@link ringCycle} through WebAudio. @internal */
export function webAudioRing(context: () => AudioContext, onError: (e: unknown) => void): Tone {
  let source: AudioBufferSourceNode | undefined;
  return {
    start() {
      try {
        const ctx = context();
        ctx.resume().catch(onError);
        const buffer = ctx.createBuffer(1, RING_RATE * 3, RING_RATE);
        buffer.copyToChannel(ringCycle(), 0);
        source = ctx.createBufferSource();
        source.buffer = buffer;
        source.loop = true;
        source.connect(ctx.destination);
        source.start();
      } catch (e) {
        onError(e);
      }
    },
    stop() {
      try {
        source?.stop();
        source?.disconnect();
      } catch (e) {
        onError(e);
      }
      source = undefined;
    },
  };
}
