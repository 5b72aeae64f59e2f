// The reference console's SIP mode: SIP for calls (the SIP adapter with WebRTC media), the
// simulated dialer for presence, campaigns, leads, dispositions and the directory.
//
// The SIP account is the agent's own: the phone registers when the agent logs in, with the
// credentials typed in the login form (the rig's Kamailio takes `<user>` / `<user>-pw`, as the
// demo users do), and unregisters on logout. The credentials are handed over in memory only.
import {
  Commands, DialkitError, defineBackend, definePlugin,
  type BackendContext, type BackendEvent, type BackendInstance, type BackendModule, type CallControlPort, type Plugin,
} from '@dialkit/core';
import { SIP_CAPABILITIES, createSipBackend, type MediaEngine } from '@dialkit/sip-adapter';
import { Subject, startWith, type Subscription } from 'rxjs';

/** What the SIP mode needs. */
export interface SipModeOptions {
  /** The server's SIP-over-WebSocket URL. */
  readonly server: string;
  /** The media engine (WebRTC in the browser), created once so devices and quality outlive a login. */
  readonly media: MediaEngine;
}

/** SIP call control that starts when the agent logs in: the backend module, and the plugin that starts it. */
export function sipOnLogin(options: SipModeOptions): { readonly module: BackendModule; readonly plugin: Plugin } {
  if (!/^wss?:\/\/[^\s/]+/.test(options.server)) {
    throw new DialkitError('input.invalid', `SIP server '${options.server.slice(0, 80)}' must be a ws:// or wss:// URL (?sip=wss://pbx.example/ws)`);
  }
  let context: BackendContext | undefined;
  let live: { instance: BackendInstance; sub: Subscription } | undefined;
  const events = new Subject<BackendEvent>();

  const stop = async (detail: string): Promise<void> => {
    const was = live;
    live = undefined;
    if (!was) return;
    was.sub.unsubscribe();
    await was.instance.dispose();
    events.next({ type: 'connection.changed', status: 'offline', detail });
  };
  const start = async (username: string, password: string): Promise<void> => {
    await stop('Registering again');
    if (!context) return;
    let sip: ReturnType<typeof createSipBackend>;
    try {
      sip = createSipBackend({ server: options.server, user: username, password, media: options.media });
    } catch (e) {
      // A user name the SIP server cannot take: say so, the console goes on without a phone.
      events.next({ type: 'notification.raised', notification: { kind: 'error', code: 'sip.not-registered', message: `Your phone could not register: ${e instanceof Error ? e.message : String(e)}` } });
      return;
    }
    const instance = sip.module.create(context);
    live = { instance, sub: instance.events$.subscribe((e) => events.next(e)) };
    // A refusal is shown by the adapter itself (an error notification, the connection offline).
    await sip.control.registered().catch(() => undefined);
  };
  const port = (): CallControlPort => {
    const p = live?.instance.ports.callControl;
    if (!p) throw new DialkitError('backend.unavailable', 'The phone is not registered: log in again to connect it');
    return p;
  };
  const callControl: CallControlPort = {
    dial: async (r) => port().dial(r),
    answer: async (id) => port().answer(id),
    reject: async (id) => port().reject(id),
    hangup: async (id) => port().hangup(id),
    hold: async (id) => port().hold(id),
    resume: async (id) => port().resume(id),
    mute: async (id, m) => port().mute(id, m),
    sendDtmf: async (id, d) => port().sendDtmf(id, d),
    transferBlind: async (id, to) => port().transferBlind(id, to),
    completeTransfer: async (id, c) => port().completeTransfer(id, c),
    conference: async (ids) => port().conference(ids),
  };
  const module = defineBackend({
    id: 'sip',
    capabilities: SIP_CAPABILITIES,
    create(ctx) {
      context = ctx;
      // A reload (or another tab handing over) restores the agent's session, but not the phone:
      // its password was never stored. Calls of the page that went away went with it.
      const restored = ctx.restored;
      const first: BackendEvent[] = [{ type: 'connection.changed', status: 'offline', detail: 'The phone registers when you log in' }];
      if (restored) {
        for (const callId of restored.liveCallIds) first.push({ type: 'call.ended', callId, cause: 'failed' });
        first.push({
          type: 'notification.raised',
          notification: { kind: 'error', level: 'warning', code: 'sip.not-registered', dedupeKey: 'sip.restored', message: 'Your phone is not connected after the reload: log out and log in again to take calls.' },
        });
      }
      return {
        events$: events.pipe(startWith<BackendEvent>(...first)),
        ports: { callControl },
        services: options.media.services ?? [],
        dispose: () => stop('Closed'),
      };
    },
  });
  const plugin = definePlugin({
    id: 'sip-login',
    activate(_deps, ctx) {
      ctx.actions.after(Commands.login, async (_session, credentials) => start(credentials.username.trim(), credentials.password));
      ctx.actions.after(Commands.logout, async () => stop('Logged out'));
    },
  });
  return { module, plugin };
}
