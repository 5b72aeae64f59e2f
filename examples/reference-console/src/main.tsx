import { createConsole, indexedDbStorage, type Dialkit } from '@dialkit/core';
import { phonebookPlugin } from '@dialkit/plugins/phonebook';
import { AgentConsole, DialkitProvider, TabGate, tabLeadership, type TabLeadership } from '@dialkit/ui-preact';
import '@dialkit/ui-preact/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadBackend, type LoadedBackend } from './backends.js';

declare global {
  interface Window {
    /** Test hook, set only with `?test=1`: the console and the sim's controls. */
    __dialkit?: { readonly dialkit: unknown; readonly control: unknown };
  }
}

const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
// Start loading the backend while the tabs elect their leader. A tab that leads a second time
// (after another took over and handed back) starts a fresh backend: the first went with its console.
let firstBackend: Promise<LoadedBackend> | undefined = loadBackend(params);
firstBackend.catch(() => undefined);

/** The console of the leader tab: created when this tab leads, disposed when another takes over. */
function ConsoleApp({ leadership }: { readonly leadership?: TabLeadership }) {
  const [state, setState] = useState<{ readonly dialkit?: Dialkit; readonly error?: string }>({});
  useEffect(() => {
    let cancelled = false;
    let dialkit: Dialkit | undefined;
    void (async () => {
      try {
        const backend = await (firstBackend ?? loadBackend(params));
        firstBackend = undefined;
        const created = await createConsole({
          backend: backend.module,
          plugins: [phonebookPlugin(), ...(backend.plugins ?? [])],
          storage: indexedDbStorage('dialkit-reference'),
          locale: lang,
        });
        if (cancelled) {
          await created.dispose();
          return;
        }
        dialkit = created;
        if (params.has('test')) window.__dialkit = { dialkit: created, control: backend.control };
        setState({ dialkit: created });
      } catch (e) {
        // Shown as text: an error must never inject markup.
        if (!cancelled) setState({ error: `The console could not start: ${e instanceof Error ? e.message : String(e)}` });
      }
    })();
    return () => {
      cancelled = true;
      if (params.has('test')) delete window.__dialkit;
      void dialkit?.dispose();
    };
  }, []);
  // Before another tab takes over, write this console's last state, so that tab resumes from it.
  const current = state.dialkit;
  useEffect(() => (current && leadership ? leadership.onHandOver(() => current.dispose()) : undefined), [current]);
  if (state.error !== undefined) return <p role="alert">{state.error}</p>;
  if (state.dialkit === undefined) return null;
  return (
    <DialkitProvider dialkit={state.dialkit}>
      <AgentConsole />
    </DialkitProvider>
  );
}

/** Joins the election of this console's tabs; none without Web Locks (an insecure context), where every tab runs its own console. */
function elect(): TabLeadership | undefined {
  try {
    return tabLeadership({ name: 'dialkit-reference' });
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app');
const leadership = elect();
if (root) {
  render(leadership ? <TabGate leadership={leadership} locale={lang}>{() => <ConsoleApp leadership={leadership} />}</TabGate> : <ConsoleApp />, root);
}
