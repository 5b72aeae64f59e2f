import type { Observable } from 'rxjs';
import type { Campaign, PauseReason } from '../campaign/campaign.js';
import type { Credentials } from '../backend/ports.js';
import { createToken } from '../common/token.js';
import type { AgentSession, AgentState, AgentStatus } from './agent-state.js';

/**
 * The agent: status, session, campaign, and the commands that move them. Each command goes
 * through the command pipeline and resolves when the backend confirms.
 */
export interface AgentService {
  /** The agent state (status, session, campaign, pending pause); replays the latest. */
  readonly state$: Observable<AgentState>;
  /** The agent state now. */
  readonly state: AgentState;
  /** The agent status; emits on change only. */
  readonly status$: Observable<AgentStatus>;
  /** The agent status now. */
  readonly status: AgentStatus;
  /** Logs in; rejects with `agent.invalid-credentials` when refused. */
  login(credentials: Credentials): Promise<AgentSession>;
  /** Logs out; rejects with `agent.calls-active` while a call is live or awaits its disposition. */
  logout(): Promise<void>;
  /** Joins an assigned campaign. */
  joinCampaign(campaignId: string): Promise<Campaign>;
  /** Leaves the joined campaign. */
  leaveCampaign(): Promise<void>;
  /** Play: joins the dialing pool. Rejects with `agent.campaign-required` without a campaign. */
  ready(): Promise<void>;
  /** Pause with a reason (or its code). During a call, kept as `pendingPause` and applied after wrap-up. */
  pause(reason: PauseReason | string): Promise<void>;
  /** Withdraws a pending pause. */
  cancelPendingPause(): Promise<void>;
}
/** Token for the {@link AgentService}. */
export const AgentService = createToken<AgentService>('core.agent-service');
