/**
 * `@dialkit/sim`: Dialkit's embedded simulated dialer. Every workflow port in-process (browser and
 * Node), seeded and on the console's injected clock and scheduler, with demo users, campaigns of
 * every dial method, leads, a phonebook, and a control API for tests and demos.
 *
 * @packageDocumentation
 */
export { createSim, simBackend, SIM_CAPABILITIES, type Sim } from './sim-backend.js';
export type { SimOptions } from './sim-options.js';
export type { OfferCallOptions, SimControl } from './sim-control.js';
export type { SimStats } from './sim-stats.js';
export type { SimVoicemail } from './ambient.js';
export { DEMO_USERS, type SimUser } from './demo-users.js';
export { DEMO_CAMPAIGNS, DEMO_PAUSE_REASONS, DEMO_TRANSFER_TARGETS, type SimCampaign } from './demo-campaigns.js';
export { demoLeads, type DemoLeadsOptions } from './demo-leads.js';
export { DEMO_PHONEBOOK } from './directory.js';
export { OUTCOME_BY_SUFFIX, type SimOutcome } from './call-outcome.js';
export { QueuePort, type QueuedCaller } from './queue-port.js';
