import { VirtualTimeScheduler } from 'rxjs';
import { afterEach } from 'vitest';
import { memoryLogger } from '../common/logger.js';
import type { CommandTrace } from './command-service.js';
import { CommandServiceImpl } from './command-service-impl.js';

/** A command service on virtual time, with its traces collected (shared by the command tests). */
function setup(defaultTimeoutMs?: number) {
  const scheduler = new VirtualTimeScheduler();
  const logger = memoryLogger();
  const commands = new CommandServiceImpl({ scheduler, logger, ...(defaultTimeoutMs === undefined ? {} : { defaultTimeoutMs }) });
  const traces: CommandTrace[] = [];
  const tracing = commands.inspect$.subscribe((t) => traces.push(t));
  return { scheduler, logger, commands, traces, tracing };
}

let current: ReturnType<typeof setup> | undefined;

/** Registers disposal of the service made by {@link make} after each test of the calling file. */
export function disposeAfterEach(): void {
  afterEach(() => {
    current?.tracing.unsubscribe();
    current?.commands.dispose();
  });
}

/** Makes a command service for one test. */
export const make = (defaultTimeoutMs?: number) => (current = setup(defaultTimeoutMs));
