import { useState } from 'preact/hooks';
import { Commands } from '@dialkit/core';
import { useCommand } from '../hooks/use-command.js';
import { useDialkit, useT } from '../hooks/use-dialkit.js';
import { errorText } from '../format.js';

/** Props of {@link LoginForm}. */
export interface LoginFormProps {
  /** Called after a successful login. */
  readonly onLoggedIn?: () => void;
}

/**
 * W1: username and password; a refused login is shown with `role="alert"`, in the agent's
 * language, naming what went wrong (`error.<code>` messages).
 */
export function LoginForm({ onLoggedIn }: LoginFormProps) {
  const dialkit = useDialkit();
  const t = useT();
  const login = useCommand(Commands.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if ((await login.run({ username: username.trim(), password })).ok) onLoggedIn?.();
  };
  return (
    <form class="dk-login" aria-labelledby="dk-login-title" onSubmit={(e) => void submit(e)} noValidate>
      <h1 id="dk-login-title">{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input name="username" autoComplete="username" required value={username}
          onInput={(e) => { setUsername(e.currentTarget.value); login.reset(); }} />
      </label>
      <label>
        {t('login.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password}
          onInput={(e) => { setPassword(e.currentTarget.value); login.reset(); }} />
      </label>
      {login.error && (
        <p role="alert" class="dk-error" data-code={login.error.code}>
          {errorText(dialkit.i18n, login.error)}
        </p>
      )}
      <button type="submit" disabled={login.pending} aria-busy={login.pending}>
        {login.pending ? t('login.pending') : t('login.submit')}
      </button>
    </form>
  );
}
