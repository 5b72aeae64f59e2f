import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { DialkitError, tokenId, type Dialkit, type MessageParams, type Token } from '@dialkit/core';
import { useStream } from './use-observable.js';

/** The console the components below a {@link DialkitProvider} read. */
export const DialkitContext = createContext<Dialkit | null>(null);

/**
 * The console of the nearest {@link DialkitProvider}.
 *
 * @throws DialkitError `input.invalid` outside a provider (a programmer error).
 */
export function useDialkit(): Dialkit {
  const dialkit = useContext(DialkitContext);
  if (dialkit === null) throw new DialkitError('input.invalid', 'useDialkit() needs a <DialkitProvider dialkit={…}> above it');
  return dialkit;
}

/**
 * A service by token: core's, a backend's (e.g. `DirectoryPort`) or a plugin's.
 *
 * @throws DialkitError `backend.port-missing` when nothing provides it.
 */
export function useService<T>(token: Token<T>): T {
  const service = useDialkit().get(token);
  if (service === undefined) throw new DialkitError('backend.port-missing', `Nothing provides '${tokenId(token)}' in this console`);
  return service;
}

/** A translation function: the message of `key` in the current locale, `{name}` placeholders filled. */
export type TranslateFn = (key: string, params?: MessageParams) => string;

/**
 * The console's `t`, re-rendering the component when the locale or a message bundle changes.
 *
 * @example
 * ```tsx
 * const t = useT();
 * return <button>{t('play')}</button>;
 * ```
 */
export function useT(): TranslateFn {
  const { i18n } = useDialkit();
  const revision = useStream(i18n.revision$, () => -1);
  // A new function per revision, so memoised children re-render too.
  return useMemo<TranslateFn>(() => (key, params) => i18n.t(key, params), [i18n, revision]);
}
