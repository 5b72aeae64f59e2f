import type { I18nService, Notification } from '@dialkit/core';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';

/**
 * The text of a toast: on a console whose language is not English, the `error.<code>` message of
 * its code when there is one (core raises its errors in English, with their code); otherwise
 * the notification's own message. Undefined `original` means the message is shown as is.
 */
export function notificationText(i18n: I18nService, n: Notification): { readonly text: string; readonly original: string | undefined } {
  const english = /^en(-|$)/i.test(i18n.locale);
  const key = `error.${n.code ?? ''}`;
  if (english || n.code === undefined || n.code === '' || !i18n.has(key)) return { text: n.message, original: undefined };
  return { text: i18n.t(key), original: n.message };
}

/**
 * The level is said in words, not by colour alone, unless it goes without saying: `info`, or an
 * error of kind `error` (WCAG 1.4.1).
 */
function levelShown(kind: string, level: string): boolean {
  return level !== 'info' && !(kind === 'error' && level === 'error');
}

/**
 * N1–N3: system messages, campaign alerts and errors as toasts in a polite live region (errors
 * are also `role="alert"`), each with its kind, its level in words (a warning, a success), a count
 * when repeated, and a dismiss button.
 * Messages are rendered as text: a backend's text can never become markup. On a console in
 * another language than English, an error with a code is shown in that language (its
 * `error.<code>` message; see {@link notificationText}), the original message kept as the
 * `title` of the text.
 */
export function Notifications() {
  const { notifications, i18n } = useDialkit();
  const t = useT();
  const list = useStream(notifications.notifications$, () => notifications.notifications);
  return (
    <section class="dk-notifications" aria-label={t('notifications.label')} aria-live="polite" aria-relevant="additions text">
      <ul>
        {list.map((n) => {
          const { text, original } = notificationText(i18n, n);
          return (
            <li key={n.id} class="dk-toast" data-kind={n.kind} data-level={n.level} role={n.kind === 'error' ? 'alert' : undefined}>
              <strong class="dk-toast-kind">{t(`notifications.kind.${n.kind}`)}</strong>{' '}
              {levelShown(n.kind, n.level) && <strong class="dk-toast-level">{t(`notifications.level.${n.level}`)}</strong>}{' '}
              <span class="dk-toast-message" title={original}>{text}</span>
              {n.count > 1 && <span class="dk-toast-count" aria-label={t('notifications.count', { count: n.count })}> ×{n.count}</span>}
              <button type="button" class="dk-dismiss" aria-label={t('notifications.dismiss', { message: text })}
                onClick={() => notifications.dismiss(n.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
