import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppShell } from './layout/AppShell';
import type { Role } from './api/types';
import { homePathFor, NAV_ITEMS } from './navigation/navigation';
import { AssignmentsPage } from './pages/assignments/AssignmentsPage';
import { LoginPage } from './pages/LoginPage';
import { InboxPage, SigningPage } from './pages/review/QueuePages';
import { ReviewPage } from './pages/review/ReviewPage';
import { NotFound } from './pages/NotFound';
import { Placeholder } from './pages/Placeholder';
import { FeedbackPage } from './pages/registrar/FeedbackPage';
import { ImportPage } from './pages/registrar/ImportPage';
import { ProposalPage } from './pages/registrar/ProposalPage';
import { ProposalsPage } from './pages/registrar/ProposalsPage';
import { RequestsPage } from './pages/registrar/RequestsPage';
import { SessionsPage } from './pages/registrar/SessionsPage';

/** The pages that are built, by NAV_ITEMS key; every other entry renders a Placeholder. */
const PAGES: Record<string, () => React.JSX.Element> = {
  assignments: AssignmentsPage,
  inbox: InboxPage,
  signing: SigningPage,
  sessions: SessionsPage,
  proposals: ProposalsPage,
  import: ImportPage,
  requests: RequestsPage,
  feedback: FeedbackPage,
};

/** Pages reached from another page (a record's own page), not from the menu. */
interface DetailRoute {
  path: string;
  roles: readonly Role[];
  Page: () => React.JSX.Element;
}
const DETAIL_ROUTES: readonly DetailRoute[] = [
  { path: '/replies/:id/review', roles: ['reviewer', 'signatory', 'clerk'], Page: ReviewPage },
  { path: '/proposals/:id', roles: ['registrar', 'supervisor'], Page: ProposalPage },
];

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homePathFor(user.roles) : '/login'} replace />;
}

/** A page only for the roles NAV_ITEMS gives it; the API refuses the others anyway. */
function Guarded({ itemKey }: { itemKey: string }) {
  const { user } = useSession();
  const item = NAV_ITEMS.find((i) => i.key === itemKey);
  if (!item || !user) return <NotFound />;
  if (!item.roles.some((role) => user.roles.includes(role))) return <NotFound forbidden />;
  const Page = PAGES[item.key];
  return Page ? <Page /> : <Placeholder title={item.label} />;
}

function GuardedDetail({ route }: { route: DetailRoute }) {
  const { user } = useSession();
  if (!user) return <NotFound />;
  if (!route.roles.some((role) => user.roles.includes(role))) return <NotFound forbidden />;
  return <route.Page />;
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter basename="/app">
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<AppShell />}>
                <Route index element={<Home />} />
                {NAV_ITEMS.map((item) => (
                  <Route key={item.key} path={item.path} element={<Guarded itemKey={item.key} />} />
                ))}
                {DETAIL_ROUTES.map((route) => (
                  <Route key={route.path} path={route.path} element={<GuardedDetail route={route} />} />
                ))}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </QueryClientProvider>
  );
}
