/**
 * Adaptive ratio pacing for a predictive campaign: how many lines to dial per free agent, lowered
 * as soon as the abandon rate (answered calls no agent was free for ÷ answered calls) nears the
 * target and raised slowly while it stays well under it.
 *
 * @internal
 */
export class AdaptivePacing {
  /** Lines dialled per free agent. */
  ratio: number;
  private answered = 0;
  private abandoned = 0;
  private readonly recent: boolean[] = [];

  constructor(
    readonly target: number,
    readonly maxRatio = 3.5,
    initialRatio = 1.5,
    private readonly window = 40,
    /** Connected calls credited at the start, so a fresh campaign may dial ahead a little at once. */
    private readonly prior = 20,
  ) {
    this.ratio = target > 0 ? initialRatio : 1;
  }

  /** Abandoned ÷ answered so far. */
  get rate(): number {
    return this.answered === 0 ? 0 : this.abandoned / this.answered;
  }

  /**
   * Whether one more abandon would keep the run's rate under 80 % of the target: the dialer may
   * then dial ahead of its agents; otherwise it falls back to one line per free agent.
   */
  get headroom(): boolean {
    return (this.abandoned + 1) / (this.answered + this.prior + 1) < 0.8 * this.target;
  }

  /** Records an answered call: connected to an agent, or abandoned. */
  record(abandoned: boolean): void {
    this.answered++;
    if (abandoned) this.abandoned++;
    this.recent.push(abandoned);
    if (this.recent.length > this.window) this.recent.shift();
    // React at once to an abandon: the budget is small.
    if (abandoned) this.ratio = this.headroom ? Math.max(1, this.ratio - 0.25) : 1;
  }

  /** Re-evaluates the ratio (the dialer calls it periodically). */
  adjust(): void {
    const recentRate = this.recent.length === 0 ? 0 : this.recent.filter(Boolean).length / this.recent.length;
    if (!this.headroom || recentRate > this.target) this.ratio = Math.max(1, this.ratio - 0.25);
    else this.ratio = Math.min(this.maxRatio, this.ratio + 0.05);
  }

  /**
   * How many more calls to have in flight. At ratio 1 the dialer only dials for agents free now
   * (it cannot abandon); above it, agents about to finish wrap-up count too (in part up to 1.5,
   * fully beyond), and each free agent gets `ratio` lines.
   */
  dialsWanted(readyAgents: number, soonFreeAgents: number, inFlight: number): number {
    const lookahead = Math.min(1, Math.max(0, (this.ratio - 1) * 2));
    const capacity = readyAgents + soonFreeAgents * lookahead;
    if (capacity <= 0) return 0;
    return Math.max(0, Math.round(capacity * this.ratio) - inFlight);
  }
}
