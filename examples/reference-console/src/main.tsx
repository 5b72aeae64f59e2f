import { createConsole, indexedDbStorage } from '@dialkit/core';
import { phonebookPlugin } from '@dialkit/plugins/phonebook';
import { AgentConsole, DialkitProvider } from '@dialkit/ui-preact';
import '@dialkit/ui-preact/theme.css';
import { render } from 'preact';
import { loadBackend } from './backends.js';

declare global {
  interface Window {
    /** Test hook, set only with `?test=1`: the console and the sim's controls. */
    __dialkit?: { readonly dialkit: unknown; readonly control: unknown };
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const backend = await loadBackend(params);
    const lang = params.get('lang') ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
    const dialkit = await createConsole({
      backend: backend.module,
      plugins: [phonebookPlugin()],
      storage: indexedDbStorage('dialkit-reference'),
      locale: lang,
    });
    if (params.has('test')) window.__dialkit = { dialkit, control: backend.control };
    render(
      <DialkitProvider dialkit={dialkit}>
        <AgentConsole />
      </DialkitProvider>,
      root,
    );
  } catch (e) {
    // Shown as text: an error must never inject markup.
    root.textContent = `The console could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

void main();
