import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { uiMessages } from '../messages.js';
import { useStream } from '../hooks/use-observable.js';
import type { TabLeadership } from './tab-leadership.js';

/** Props of {@link TabGate}. */
export interface TabGateProps {
  /** The election this tab takes part in. */
  readonly leadership: TabLeadership;
  /** Language of the notice (`en` or `es`; others fall back to English). No console exists yet to ask. */
  readonly locale?: string;
  /** What the leader tab renders: called only while this tab leads, so the console is created then and torn down when another tab takes over. */
  readonly children: () => ComponentChildren;
}

/**
 * X7, one leader tab per agent: renders the console only in the tab that leads. Another tab
 * shows that the console is active elsewhere, with a **Use here** button that takes it over (the
 * other tab then unmounts its console and shows this notice in turn).
 *
 * @example
 * ```tsx
 * const leadership = tabLeadership({ name: 'my-console' });
 * render(<TabGate leadership={leadership}>{() => <MyConsole />}</TabGate>, root);
 * ```
 */
export function TabGate({ leadership, locale = 'en', children }: TabGateProps) {
  const state = useStream(leadership.state$, () => leadership.state);
  const lang = locale.toLowerCase().startsWith('es') ? 'es' : 'en';
  const m = uiMessages[lang];
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state === 'follower') button.current?.focus();
  }, [state]);
  if (state === 'leader') return <>{children()}</>;
  if (state === 'electing') return <p class="dk-note" role="status" lang={lang}>{m['tabs.checking']}</p>;
  return (
    <main class="dk-main dk-tab-elsewhere" aria-labelledby="dk-tab-title" lang={lang}>
      <h1 id="dk-tab-title">{m['tabs.title']}</h1>
      <p role="status">{m['tabs.elsewhere']}</p>
      <button ref={button} type="button" onClick={() => void leadership.takeOver()}>{m['tabs.useHere']}</button>
    </main>
  );
}
