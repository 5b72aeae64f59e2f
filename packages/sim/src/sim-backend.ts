import { DialkitError, defineBackend, type BackendModule, type Capability } from '@dialkit/core';
import { talkTime } from './call-outcome.js';
import { DEMO_CAMPAIGNS } from './demo-campaigns.js';
import { DEMO_USERS } from './demo-users.js';
import type { SimControl } from './sim-control.js';
import { SimEngine } from './sim-engine.js';
import type { ResolvedSimOptions, SimOptions } from './sim-options.js';
import { PREDICTIVE_CONNECT_MS } from './predictive-dialer.js';
import { snapshotStats } from './sim-stats.js';

/** What the sim supports (no `recording` or `voicemailDrop`: core has no command for them yet). */
export const SIM_CAPABILITIES: readonly Capability[] = ['hold', 'mute', 'dtmf', 'blindTransfer', 'warmTransfer', 'conference', 'multiLine', 'autoAnswer', 'manualDial'];

/** A simulated dialer: the backend module to give a console, and its control API. */
export interface Sim {
  /** The backend module (`createConsole({ backend: sim.module })`). */
  readonly module: BackendModule;
  /** Makes things happen now and reads the figures (the latest started instance). */
  readonly control: SimControl;
}

function resolve(options: SimOptions): ResolvedSimOptions {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new DialkitError('input.invalid', `Sim speed must be a positive number, not '${String(speed)}'`);
  return {
    seed: options.seed ?? 1,
    speed,
    users: options.users ?? DEMO_USERS,
    campaigns: options.campaigns ?? DEMO_CAMPAIGNS,
    abandonTarget: options.abandonTarget ?? 0.03,
    lines: options.lines ?? 30,
    ambient: options.ambient ?? true,
    calls: options.calls ?? true,
  };
}

/**
 * Creates a simulated dialer and its control API. The module implements every workflow port, the
 * `DirectoryPort` and `PreviewPort` (both from `@dialkit/core`), and the sim's own `QueuePort`, in-process, on the console's
 * clock and scheduler, with a seeded random source.
 *
 * @example
 * ```ts
 * const sim = createSim({ seed: 7, ambient: false });
 * const dialkit = await createConsole({ backend: sim.module });
 * await dialkit.agent.login({ username: 'ana', password: 'ana-pw' });
 * sim.control.offerCall();            // a predictive call with its lead, connected by the dialer
 * sim.control.customerHangsUp();
 * ```
 */
export function createSim(options: SimOptions = {}): Sim {
  const resolved = resolve(options);
  let engine: SimEngine | undefined;
  const need = (): SimEngine => {
    if (!engine || engine.world.isDisposed) throw new DialkitError('backend.unavailable', 'The simulated dialer has not been started by a console');
    return engine;
  };
  const control: SimControl = {
    offerCall(o = {}) {
      const e = need();
      const w = e.world;
      const s = w.requireSession();
      const sc = w.simCampaign(o.campaignId ?? s.campaignId);
      const lead = o.lead ?? (sc && sc.leads.length > 0 ? w.rnd.pick(sc.leads) : undefined);
      const number = o.number ?? lead?.phone ?? '+34600000000';
      const origin = o.origin ?? (sc?.campaign.dialMethod === 'inbound' ? 'inbound' : 'predictive');
      return e.calls.offer({
        origin, direction: origin === 'inbound' ? 'inbound' : 'outbound', number, lead, campaignId: sc?.campaign.id,
        autoConnectMs: origin === 'predictive' ? PREDICTIVE_CONNECT_MS : undefined, talkMs: o.talkMs ?? talkTime(w.rnd),
      });
    },
    customerHangsUp: (callId) => need().calls.customerHangsUp(callId),
    campaignAlert: (text) => need().messages.campaignAlert(text),
    systemMessage: (text) => need().messages.systemMessage(text),
    supervisorChat: (text) => need().messages.supervisorChat(text),
    voicemailArrives: (o) => need().messages.voicemailArrives(o),
    callbackDue(o = {}) {
      const e = need();
      const w = e.world;
      const found = o.leadId === undefined ? undefined : w.findLead(o.leadId);
      const sc = w.simCampaign(found?.campaignId ?? w.requireSession().campaignId);
      if (!sc) throw new DialkitError('agent.campaign-required', 'A callback needs a lead or a joined campaign');
      const lead = found?.lead ?? sc.leads[0];
      e.dialer.fallDue({ campaignId: sc.campaign.id, lead, number: lead?.phone ?? '', note: o.note ?? '' });
    },
    callerArrives(o = {}) {
      const e = need();
      const w = e.world;
      const sc = w.simCampaign(o.campaignId) ?? (w.currentCampaign()?.dialMethod === 'inbound' ? w.simCampaign(w.session?.campaignId) : w.options.campaigns.find((c) => c.campaign.dialMethod === 'inbound'));
      if (!sc) throw new DialkitError('backend.rejected', 'No inbound campaign to queue a caller in');
      return e.queue.arrive(sc, o.number, o.name);
    },
    dtmfReceived: (callId) => need().calls.dtmfHeard(callId),
    setAnswerProbability(p) {
      if (p !== undefined && !(p >= 0 && p <= 1)) throw new DialkitError('input.invalid', `An answer probability is between 0 and 1, not '${String(p)}'`);
      need().world.answerProbabilityOverride = p;
    },
    get stats() { return snapshotStats(need().world.stats); },
    get stored() { return need().stored; },
    get submitAttempts() { return need().attempts; },
    get voicemails() { return need().messages.voicemails; },
    get pendingCallbacks() { return need().dialer.pendingCallbacks; },
    get started() { return engine !== undefined && !engine.world.isDisposed; },
  };
  const module = defineBackend({
    id: 'sim',
    capabilities: resolved.calls ? SIM_CAPABILITIES : [],
    create(context) {
      engine = new SimEngine(resolved, context);
      const instance = engine.instance();
      if (options.controls) {
        try {
          options.controls(control);
        } catch (e) {
          context.logger.log('error', `sim: the controls hook threw: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return instance;
    },
  });
  return { module, control };
}

/**
 * The embedded simulated dialer as a backend module: `createConsole({ backend: simBackend({ seed: 7 }) })`.
 * Use {@link createSim} (or the `controls` option) to also drive it.
 *
 * @example
 * ```ts
 * const dialkit = await createConsole({ backend: simBackend({ seed: 7, speed: 2 }) });
 * ```
 */
export function simBackend(options: SimOptions = {}): BackendModule {
  return createSim(options).module;
}
