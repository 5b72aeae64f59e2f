/**
 * `@dialkit/core/testing`: a scripted in-memory backend that tests step one event at a time,
 * `createTestConsole`, virtual time, and a seeded shift generator.
 *
 * @packageDocumentation
 */
export { createScriptedBackend, type PortCall, type ScriptedBackend, type ScriptedBackendOptions } from './scripted-backend.js';
export { createTestConsole, testCampaign, type TestConsole, type TestConsoleOptions } from './test-console.js';
export { virtualTime, type VirtualTime } from './virtual-time.js';
export { ManualScheduler } from './manual-scheduler.js';
export { generateShift, type ShiftOptions } from './shift-generator.js';
export { rejection } from './rejection.js';
