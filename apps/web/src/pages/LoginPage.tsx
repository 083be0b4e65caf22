import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate } from 'react-router';
import { errorMessage } from '../api/errors';
import { useSession } from '../auth/session';
import { useI18n, useMessages } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { homePathFor } from '../navigation/navigation';
import { publicMessages } from './public/messages';

interface Credentials {
  username: string;
  password: string;
}

/** Username and password; the API's own message (in the user's language) when it refuses. */
export function LoginPage() {
  const { t, lang } = useI18n();
  const publicWords = useMessages(publicMessages);
  const { login, notice, status, user } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'authenticated' && user) return <Navigate to={homePathFor(user.roles)} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username, password);
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t.appName} · {t.loginTitle}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t.appSubtitle}</Typography.Paragraph>
        {notice === 'expired' && !error && (
          <Alert type="warning" showIcon title={t.sessionExpired} style={{ marginBottom: 16 }} role="status" />
        )}
        {notice === 'loggedOut' && !error && (
          <Alert type="info" showIcon title={t.loggedOut} style={{ marginBottom: 16 }} role="status" />
        )}
        {error !== null && (
          <Alert type="error" showIcon title={errorMessage(error, lang, t)} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<Credentials> name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t.username} name="username" rules={[{ required: true, message: t.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t.loginButton}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">{publicWords.loginLink}</Link>
        </div>
      </Card>
    </main>
  );
}
