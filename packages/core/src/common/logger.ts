import { createToken } from './token.js';

/** Structured log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Where Dialkit writes diagnostics. Inject your own; the default discards everything.
 *
 * @remarks Credentials never reach a logger: commands that carry secrets log only their id.
 */
export interface Logger {
  /** Writes one entry. `data` is structured context, never credentials. */
  log(level: LogLevel, message: string, data?: Readonly<Record<string, unknown>>): void;
}
/** Token for the {@link Logger}. */
export const Logger = createToken<Logger>('core.logger');

/** A logger that discards everything. */
export const silentLogger: Logger = { log: () => undefined };

/** A logger that keeps entries in memory, newest last (for tests and diagnostics bundles). */
export function memoryLogger(limit = 500): Logger & { readonly entries: ReadonlyArray<{ level: LogLevel; message: string; data?: Readonly<Record<string, unknown>> }> } {
  const entries: Array<{ level: LogLevel; message: string; data?: Readonly<Record<string, unknown>> }> = [];
  return {
    entries,
    log(level, message, data) {
      entries.push(data === undefined ? { level, message } : { level, message, data });
      if (entries.length > limit) entries.shift();
    },
  };
}
