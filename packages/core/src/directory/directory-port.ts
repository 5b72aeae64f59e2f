import type { AgentStatusKind } from '../agent/agent-state.js';
import { createToken } from '../common/token.js';

/** One entry of the directory: a phonebook contact, a colleague, or a department. */
export interface DirectoryEntry {
  /** Stable id. */
  readonly id: string;
  /** Name shown (untrusted text). */
  readonly name: string;
  /** Number or SIP user to dial or transfer to. */
  readonly number: string;
  /** What it is. */
  readonly kind: 'contact' | 'agent' | 'department';
  /** Group for display (e.g. `Suppliers`, `Loans`). */
  readonly group?: string;
  /** For a colleague: their status now, when the backend knows it. */
  readonly status?: AgentStatusKind;
}

/**
 * The directory: the phonebook, colleagues and departments (for click-to-dial and transfers).
 * A backend provides it under the {@link DirectoryPort} token in its `services`.
 */
export interface DirectoryPort {
  /** Every entry, by kind then name. */
  list(): Promise<readonly DirectoryEntry[]>;
  /** Entries whose name or number contains `query` (case-insensitive). */
  search(query: string): Promise<readonly DirectoryEntry[]>;
}
/** Token for the {@link DirectoryPort}. */
export const DirectoryPort = createToken<DirectoryPort>('core.port.directory');
