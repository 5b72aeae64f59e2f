import { act, render, type RenderResult } from '@testing-library/preact';
import { fireEvent } from '@testing-library/preact';
import { testCampaign, createTestConsole, type TestConsole, type TestConsoleOptions } from '@dialkit/core/testing';
import type { Plugin } from '@dialkit/core';
import type { ComponentChildren } from 'preact';
import { AgentConsole, DialkitProvider } from '../src/index.js';

/** A test console with the kit rendered over it. */
export interface Rendered extends TestConsole {
  readonly view: RenderResult;
  /** Lets promises, timers due now and renders settle. */
  settle(): Promise<void>;
  /** Advances virtual time (renders included). */
  advance(ms: number): Promise<void>;
}

/** Options of {@link setup}. */
export interface SetupOptions extends TestConsoleOptions {
  readonly plugins?: readonly Plugin[];
  /** Log in as `ana` before rendering. */
  readonly login?: boolean;
  /** Join the test campaign before rendering (implies login). */
  readonly join?: boolean;
  /** What to render (default the whole AgentConsole). */
  readonly ui?: ComponentChildren;
}

/** A console on the scripted backend and virtual time, logged in as asked, rendered. */
export async function setup(options: SetupOptions = {}): Promise<Rendered> {
  const { plugins = [], login = false, join = false, ui, ...rest } = options;
  const tc = await createTestConsole(plugins, { campaigns: [testCampaign()], ...rest });
  const settle = async (): Promise<void> => {
    await act(async () => { await tc.time.settle(); });
  };
  if (login || join) await tc.dialkit.agent.login({ username: 'ana', password: 'pw' });
  await tc.time.settle();
  if (join) await tc.dialkit.agent.joinCampaign('spring-sale');
  await tc.time.settle();
  const view = render(ui === undefined ? <AgentConsole dialkit={tc.dialkit} /> : <DialkitProvider dialkit={tc.dialkit}>{ui}</DialkitProvider>);
  await settle();
  return {
    ...tc, view, settle,
    advance: async (ms) => { await act(async () => { await tc.time.advance(ms); }); },
  };
}

/** Presses a key combination on the focused element (or the document), as the keyboard would. */
export function press(key: string, init: KeyboardEventInit = {}): void {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : '';
  fireEvent.keyDown(document.activeElement ?? document.body, { key, code, bubbles: true, ...init });
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Moves focus to the next element in tab order (document order; no positive tabindex is used). */
export function tab(): Element {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)];
  const i = all.indexOf(document.activeElement as HTMLElement);
  const next = all[(i + 1) % all.length];
  if (!next) throw new Error('nothing to tab to');
  next.focus();
  return next;
}

/** Enter on the focused element: activates a button, submits the form of a field (browser behaviour). */
export function enter(): void {
  const el = document.activeElement as HTMLElement | null;
  if (!el) return;
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', bubbles: true });
  if (el instanceof HTMLButtonElement) fireEvent.click(el);
  else if (el instanceof HTMLInputElement && el.form) fireEvent.submit(el.form);
}

/** Types a value into a field as an input event. */
export function type(el: Element, value: string): void {
  fireEvent.input(el, { target: { value } });
}
