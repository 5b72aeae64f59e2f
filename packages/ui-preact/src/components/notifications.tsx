import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { useStream } from '../hooks/use-observable.js';

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
 * Messages are rendered as text: a backend's text can never become markup.
 */
export function Notifications() {
  const { notifications } = useDialkit();
  const t = useT();
  const list = useStream(notifications.notifications$, () => notifications.notifications);
  return (
    <section class="dk-notifications" aria-label={t('notifications.label')} aria-live="polite" aria-relevant="additions text">
      <ul>
        {list.map((n) => (
          <li key={n.id} class="dk-toast" data-kind={n.kind} data-level={n.level} role={n.kind === 'error' ? 'alert' : undefined}>
            <strong class="dk-toast-kind">{t(`notifications.kind.${n.kind}`)}</strong>{' '}
            {levelShown(n.kind, n.level) && <strong class="dk-toast-level">{t(`notifications.level.${n.level}`)}</strong>}{' '}
            <span class="dk-toast-message">{n.message}</span>
            {n.count > 1 && <span class="dk-toast-count" aria-label={t('notifications.count', { count: n.count })}> ×{n.count}</span>}
            <button type="button" class="dk-dismiss" aria-label={t('notifications.dismiss', { message: n.message })}
              onClick={() => notifications.dismiss(n.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
