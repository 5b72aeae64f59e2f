import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { enter, setup, tab, type, type Rendered } from './helpers.js';

let current: Rendered | undefined;
afterEach(async () => {
  cleanup();
  await current?.dialkit.dispose();
  current = undefined;
});

describe('login and campaign choice', () => {
  it('wrong credentials → an alert names the error, in the agent\'s language', async () => {
    current = await setup({ users: { ana: 'secret' } });
    type(screen.getByLabelText('Username'), 'ana');
    type(screen.getByLabelText('Password'), 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await current.settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Wrong username or password.');
    expect(alert.dataset['code']).toBe('agent.invalid-credentials');
    expect(current.dialkit.agent.status.kind).toBe('loggedOut');
    type(screen.getByLabelText('Password'), 'secret2');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keyboard only: Tab to each field, type, Enter logs in and shows the campaigns', async () => {
    current = await setup({ users: { ana: 'secret' } });
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.querySelectorAll('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).toHaveLength(0);
    const user = tab();
    expect(user).toBe(screen.getByLabelText('Username'));
    type(user, 'ana');
    const pw = tab();
    expect(pw).toBe(screen.getByLabelText('Password'));
    type(pw, 'secret');
    expect(tab()).toBe(screen.getByRole('button', { name: 'Log in' }));
    enter();
    await current.settle();
    expect(current.dialkit.agent.status.kind).toBe('paused');
    expect(screen.getByRole('heading', { name: 'Your campaigns' })).toBeTruthy();
    const campaign = screen.getByRole('button', { name: /Spring Sale/ });
    campaign.focus();
    enter();
    await current.settle();
    expect(current.dialkit.agent.state.campaign?.id).toBe('spring-sale');
    expect(screen.getByRole('button', { name: 'Play (Ready)' })).toBeTruthy();
  });

  it('no campaign assigned → says so plainly (W2)', async () => {
    current = await setup({ campaigns: [], login: true });
    expect(screen.getByRole('alert').textContent).toBe('No campaign is assigned to you. Ask your supervisor to assign one.');
  });

  it('assigned campaigns are listed with their dial method', async () => {
    current = await setup({ login: true });
    expect(screen.getByRole('button', { name: /Spring Sale/ }).textContent).toContain('Predictive');
  });
});

describe('Play and Pause', () => {
  it('Play → Ready, announced; Pause opens the reason menu (break vs pause); the break timer ticks', async () => {
    current = await setup({ join: true });
    const { dialkit, backend } = current;
    const live = () => document.querySelector('[aria-live="polite"].dk-status-text')?.textContent;
    expect(live()).toBe('Paused: Logged in');
    fireEvent.click(screen.getByRole('button', { name: 'Play (Ready)' }));
    await current.settle();
    expect(backend.calls.map((c) => c.method)).toContain('presence.ready');
    expect(live()).toBe('Ready');
    expect(screen.getByRole('button', { name: 'Play (Ready)' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await current.settle();
    const menu = screen.getByRole('menu', { name: 'Pause reasons' });
    const items = screen.getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).toEqual(['Lunch Break', 'Rest Break', 'Training Pause']);
    expect(document.activeElement).toBe(screen.getAllByRole('menuitem')[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Rest Break');
    fireEvent.click(screen.getByRole('menuitem', { name: /Lunch/ }));
    await current.settle();
    expect(backend.calls.at(-1)).toEqual({ method: 'presence.pause', args: [{ code: 'lunch', label: 'Lunch', kind: 'break' }] });
    expect(dialkit.agent.status).toMatchObject({ kind: 'paused', reason: { code: 'lunch' } });
    expect(live()).toBe('Paused: Lunch');
    const timer = screen.getByRole('timer', { name: 'On break: Lunch' });
    expect(timer.textContent).toContain('0:00:00');
    await current.advance(65_000);
    expect(timer.textContent).toContain('0:01:05');
  });
});
