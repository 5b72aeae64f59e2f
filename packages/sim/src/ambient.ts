import type { AgentStatusKind } from '@dialkit/core';
import type { SimColleague } from './colleagues.js';
import type { SimWorld } from './sim-world.js';

/** A voicemail left for the agent. */
export interface SimVoicemail {
  /** Stable id. */
  readonly id: string;
  /** Caller's number. */
  readonly from: string;
  /** Caller's name, when known. */
  readonly name?: string;
  /** Length of the message in seconds. */
  readonly durationSec: number;
  /** When it was left (epoch ms). */
  readonly at: number;
}

const SUPERVISOR_LINES = [
  'Great job on that last call!',
  'Recordad: ofrecer la promoción de fibra a todos los clientes.',
  'Team meeting at 12:30 in room 2.',
  'Please keep wrap-up under 30 seconds today.',
  '¿Alguien puede cubrir el descanso de las 11?',
];
const ALERTS = ['Contact rate is low this hour: check your opening.', 'New leads loaded into the campaign.', 'Campaign target 80% reached — keep going!', 'Objetivo diario al 50 %.'];
const SYSTEM_LINES = ['Scheduled maintenance tonight at 23:00.', 'The CRM is running slowly; notes are saved anyway.', 'Nueva versión de la consola disponible mañana.'];

/** Raises the agent-facing messages and stores voicemails. @internal */
export class SimMessages {
  readonly voicemails: SimVoicemail[] = [];

  constructor(private readonly world: SimWorld) {}

  supervisorChat(text: string): void {
    this.world.notify({ kind: 'system', level: 'info', code: 'sim.supervisor-chat', message: `Supervisor: ${String(text)}` });
  }

  campaignAlert(text: string): void {
    this.world.notify({ kind: 'campaign', level: 'warning', code: 'sim.campaign-alert', message: String(text) });
  }

  systemMessage(text: string): void {
    this.world.notify({ kind: 'system', level: 'info', code: 'sim.system-message', message: String(text) });
  }

  voicemailArrives(options: { readonly from?: string; readonly name?: string; readonly durationSec?: number } = {}): SimVoicemail {
    const w = this.world;
    const lead = options.from === undefined ? w.rnd.pick(w.options.campaigns.flatMap((c) => c.leads).slice(0, 50).concat([{ id: '-', phone: '+34911223344', fields: {} }])) : undefined;
    const from = options.from ?? lead?.phone ?? '+34911223344';
    const name = options.name ?? lead?.name;
    const vm: SimVoicemail = { id: w.nextId('vm'), from, ...(name === undefined ? {} : { name }), durationSec: options.durationSec ?? w.rnd.int(8, 95), at: w.now() };
    this.voicemails.push(vm);
    w.notify({ kind: 'system', level: 'info', code: 'sim.voicemail', message: `New voicemail from ${name ?? from} (${vm.durationSec} s)` });
    return vm;
  }

  /** Starts the random background life: messages now and then, colleagues changing status. */
  startAmbient(colleagues: readonly SimColleague[]): void {
    const w = this.world;
    const message = (): void => {
      w.after(w.rnd.exponential(6 * 60_000), () => {
        if (w.session) {
          const r = w.rnd.next();
          if (r < 0.35) this.supervisorChat(w.rnd.pick(SUPERVISOR_LINES));
          else if (r < 0.6) this.campaignAlert(w.rnd.pick(ALERTS));
          else if (r < 0.8) this.systemMessage(w.rnd.pick(SYSTEM_LINES));
          else this.voicemailArrives();
        }
        message();
      });
    };
    message();
    const idle = colleagues.filter((c) => c.campaignId === undefined);
    const statuses: readonly AgentStatusKind[] = ['ready', 'onCall', 'onCall', 'wrapUp', 'paused'];
    if (idle.length > 0) {
      w.every(45_000, () => {
        const c = w.rnd.pick(idle);
        c.status = w.rnd.pick(statuses);
        c.since = w.now();
      });
    }
  }
}
