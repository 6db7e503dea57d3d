import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, type Location } from 'react-router';
import { login } from '../api';

interface Credentials {
  email: string;
  password: string;
}

/** Where the user was sent away from (set by the signed-in layout on a 401), else the start page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  if (!from?.pathname || from.pathname.startsWith('/login')) return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function submit({ email, password }: Credentials) {
    setSubmitting(true);
    setError(undefined);
    try {
      await login(email.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSubmitting(false);
    }
  }

  return (
    <main className="login-screen">
      <Card className="login-card" title={<h1 className="login-title">Minh Bạch — Quản trị</h1>}>
        {error && <Alert type="error" showIcon title={error} className="login-error" />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting}>
          <Form.Item label="Email" name="email" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập email.' }]}>
            <Input name="email" type="email" autoComplete="username" autoFocus inputMode="email" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}>
            <Input.Password name="password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}
