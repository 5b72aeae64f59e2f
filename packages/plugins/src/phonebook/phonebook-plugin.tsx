import { useEffect, useRef, useState } from 'preact/hooks';
import { Commands, DirectoryPort, Slots, definePlugin, toDialkitError, type DialkitError, type DirectoryEntry, type Plugin } from '@dialkit/core';
import { errorText, registerIfFree, useCommand, useDialkit, useKeysFor, useT, type PanelSlotContext, type SlotComponentProps } from '@dialkit/ui-preact';
import { phonebookMessages } from './messages.js';

/** The panel id the phonebook opens under (`PanelSlotContext.panel`). */
export const PHONEBOOK_PANEL = 'phonebook';

/** The default keys of the hotkey (`panel.phonebook`) that opens the phonebook. */
export const PHONEBOOK_KEYS = 'Alt+G';

/** Options of {@link phonebookPlugin}. */
export interface PhonebookOptions {
  /** Which directory entries to list, in this order of kinds. Default: contacts, then departments. */
  readonly kinds?: readonly DirectoryEntry['kind'][];
  /** Milliseconds to wait after a keystroke before searching. Default 150. */
  readonly searchDelayMs?: number;
}

const panelContext = (context: unknown): PanelSlotContext | undefined => {
  const c = context as Partial<PanelSlotContext> | undefined;
  return c && typeof c.open === 'function' && typeof c.panel === 'string' ? (c as PanelSlotContext) : undefined;
};

/** Entries grouped for display: by group name, groups in first-seen order. */
function grouped(entries: readonly DirectoryEntry[]): ReadonlyArray<readonly [string, readonly DirectoryEntry[]]> {
  const groups = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    const key = e.group ?? '';
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  return [...groups];
}

/** The bar entry (B9) that opens the phonebook panel; `Alt+G` opens it too while the entry shows (unless something else holds Alt+G). */
function PhonebookEntry({ context }: SlotComponentProps) {
  const t = useT();
  const dialkit = useDialkit();
  const ctx = panelContext(context);
  const open = useRef(ctx?.open);
  open.current = ctx?.open;
  const keys = useKeysFor('panel.phonebook');
  useEffect(() => {
    const d = registerIfFree(dialkit.hotkeys, { id: 'panel.phonebook', keys: PHONEBOOK_KEYS, label: 'hotkey.panel.phonebook', run: () => open.current?.(PHONEBOOK_PANEL) });
    return () => d?.dispose();
  }, [dialkit]);
  return (
    <button type="button" class="dk-phonebook-entry" aria-current={ctx?.panel === PHONEBOOK_PANEL ? 'page' : undefined}
      aria-keyshortcuts={keys} onClick={() => ctx?.open(PHONEBOOK_PANEL)}>
      {t('phonebook.entry')}
    </button>
  );
}

function makePanel(directory: DirectoryPort, kinds: readonly DirectoryEntry['kind'][], delayMs: number) {
  const order = new Map(kinds.map((k, i) => [k, i]));
  const visible = (list: readonly DirectoryEntry[]): DirectoryEntry[] =>
    list.filter((e) => order.has(e.kind)).sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));

  /** The phonebook panel: search, entries grouped, a Call button on each. */
  return function PhonebookPanel({ dialkit, context }: SlotComponentProps) {
    const t = useT();
    const ctx = panelContext(context);
    const [query, setQuery] = useState('');
    const [entries, setEntries] = useState<readonly DirectoryEntry[] | null>(null);
    const [loadError, setLoadError] = useState<DialkitError | null>(null);
    const dial = useCommand(Commands.dial);
    const heading = useRef<HTMLHeadingElement>(null);
    useEffect(() => heading.current?.focus(), []);
    useEffect(() => {
      let live = true;
      const q = query.trim();
      const timer = setTimeout(() => {
        (q === '' ? directory.list() : directory.search(q)).then(
          (list) => {
            if (!live) return;
            setEntries(visible(list));
            setLoadError(null);
          },
          (e: unknown) => {
            if (live) setLoadError(toDialkitError(e));
          },
        );
      }, q === '' ? 0 : delayMs);
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, [query]);
    const call = async (entry: DirectoryEntry): Promise<void> => {
      if ((await dial.run({ number: entry.number, origin: 'manual' })).ok) ctx?.open('calls');
    };
    const error = loadError ?? dial.error;
    return (
      <section class="dk-phonebook" aria-labelledby="dk-phonebook-title">
        <h2 id="dk-phonebook-title" ref={heading} tabIndex={-1}>{t('phonebook.title')}</h2>
        <label class="dk-phonebook-search">
          {t('phonebook.search')}
          <input type="search" value={query} autoComplete="off" onInput={(e) => { setQuery(e.currentTarget.value); dial.reset(); }} />
        </label>
        <p class="dk-note" role="status" aria-live="polite">
          {entries === null ? t('phonebook.loading')
            : entries.length === 0 ? (query.trim() === '' ? t('phonebook.emptyAll') : t('phonebook.empty', { query: query.trim() }))
            : t('phonebook.count', { count: entries.length })}
        </p>
        {error && <p role="alert" class="dk-error">{errorText(dialkit.i18n, error)}</p>}
        {entries !== null && grouped(entries).map(([group, list]) => (
          <section key={group} class="dk-phonebook-group" aria-label={group === '' ? t('phonebook.title') : group}>
            {group !== '' && <h3>{group}</h3>}
            <ul role="list">
              {list.map((e) => (
                <li key={e.id} class="dk-phonebook-item" data-entry={e.id}>
                  <span class="dk-phonebook-name">{e.name}</span>
                  <span class="dk-phonebook-kind">{t(`phonebook.kind.${e.kind}`)}</span>
                  <span class="dk-phonebook-number">{e.number}</span>
                  <button type="button" disabled={dial.pending} aria-label={t('phonebook.callName', { name: e.name, number: e.number })}
                    onClick={() => void call(e)}>
                    {t('phonebook.call')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <button type="button" class="dk-phonebook-back" onClick={() => ctx?.open('calls')}>{t('phonebook.back')}</button>
      </section>
    );
  };
}

/**
 * B9, the Phonebook: a bar entry that opens a panel listing the directory's saved numbers
 * (grouped, searchable by name or number), each with a Call button (click-to-dial). The call is
 * placed through the console's `call.dial` command as a manual call, so every plugin hook (a
 * compliance veto, a CRM log) sees it, and the campaign's rules apply (a campaign that forbids
 * manual calls refuses it, with the error shown in the panel). After dialing, the call screen
 * comes back. Entry names are untrusted text, rendered as text.
 *
 * Requires a backend that provides the `DirectoryPort` of `@dialkit/core` (the simulated dialer does). Renders
 * into the `header.menu` and `console.panel` slots of `@dialkit/ui-preact`'s `AgentConsole`.
 *
 * @example
 * ```ts
 * import { phonebookPlugin } from '@dialkit/plugins/phonebook';
 * const dialkit = await createConsole({ backend: simBackend(), plugins: [phonebookPlugin()] });
 * ```
 */
export function phonebookPlugin(options: PhonebookOptions = {}): Plugin<{ readonly directory: typeof DirectoryPort }> {
  const kinds = options.kinds ?? ['contact', 'department'];
  const delayMs = options.searchDelayMs ?? 150;
  return definePlugin({
    id: 'phonebook',
    requires: { directory: DirectoryPort },
    activate({ directory }, ctx) {
      ctx.i18n.add(phonebookMessages);
      ctx.slots.contribute(Slots.headerMenu, { id: 'phonebook', component: PhonebookEntry, order: 90 });
      ctx.slots.contribute(Slots.consolePanel, {
        id: 'phonebook',
        component: makePanel(directory, kinds, delayMs),
        when: (context) => panelContext(context)?.panel === PHONEBOOK_PANEL,
      });
    },
  });
}
