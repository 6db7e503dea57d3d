import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, type Location } from 'react-router';
import { login } from '../api';
import './login-page.css';

/** Where the user was sent away from (set by the signed-in layout on a 401), else the start page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  if (!from?.pathname || from.pathname.startsWith('/login')) return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/**
 * Plain markup styled like antd: the login page is the first thing every visit loads, and
 * antd's runtime (CSS-in-JS, Form, Tooltip) would more than double its download.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      setError('Vui lòng nhập email và mật khẩu.');
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await login(email, password);
      navigate(returnPath(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSubmitting(false);
    }
  }

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title" aria-busy={submitting}>
        <h1 id="login-title" className="login-title">
          Minh Bạch — Quản trị
        </h1>
        {error && (
          <div id="login-error" className="login-error" role="alert">
            {error}
          </div>
        )}
        <label className="login-label" htmlFor="email">
          Email
        </label>
        <input
          className="login-input"
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          required
          autoFocus
          maxLength={200}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label className="login-label" htmlFor="password">
          Mật khẩu
        </label>
        <input
          className="login-input"
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <button className="login-button" type="submit" disabled={submitting}>
          Đăng nhập
        </button>
      </form>
    </main>
  );
}
