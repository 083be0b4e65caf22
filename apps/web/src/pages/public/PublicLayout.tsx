import { Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { useI18n, useMessages } from '../../i18n/i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { publicMessages } from './messages';

/** The frame of /public: no menu and no login, the app's name, the language and a way to log in. */
export function PublicLayout() {
  const { t: common } = useI18n();
  const t = useMessages(publicMessages);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#b71c1c', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {common.appName} · {t.title}
        </Typography.Text>
        <Space>
          <LanguageSwitch />
          <Link to="/login" style={{ color: '#fff' }}>
            {t.toLogin}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ margin: 24 }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
