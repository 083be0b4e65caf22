import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { menuFor } from '../navigation/navigation';
import { LanguageSwitch } from './LanguageSwitch';

/** The Ant Design Pro arrangement: side menu by role, header with the user, language and logout. */
export function AppShell() {
  const { status, user, logout } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();

  if (status === 'loading') return <Spin fullscreen description={t.loading} />;
  if (status !== 'authenticated' || !user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const items = menuFor(user.roles);
  const selected = items
    .filter((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', padding: '16px 24px', fontSize: 18, fontWeight: 600 }}>
          {t.appName}
          <div style={{ fontSize: 12, fontWeight: 400, opacity: 0.7 }}>{t.appSubtitle}</div>
        </div>
        <nav aria-label={t.appName}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            items={items.map((item) => ({ key: item.key, label: t[item.label] as string }))}
            onClick={({ key }) => {
              const item = items.find((i) => i.key === key);
              if (item) void navigate(item.path);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16 }}
        >
          <Space size="middle">
            <Typography.Text data-testid="current-user">
              {user.displayName} · {user.organisation.name} · {user.roles.map((role) => t[`role.${role}`]).join('、')}
            </Typography.Text>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
