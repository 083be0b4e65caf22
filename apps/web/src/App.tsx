import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppShell } from './layout/AppShell';
import { ALL_ROLES, type Role } from './api/types';
import { homePathFor, NAV_ITEMS, type NavKey } from './navigation/navigation';
import { AssignmentPage } from './pages/assignment/AssignmentPage';
import { CalendarPage } from './pages/admin/CalendarPage';
import { OrganisationsPage } from './pages/admin/OrganisationsPage';
import { QueuesPage } from './pages/admin/QueuesPage';
import { SigningKeysPage } from './pages/admin/SigningKeysPage';
import { TemplatesPage } from './pages/admin/TemplatesPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AssignmentsPage } from './pages/assignments/AssignmentsPage';
import { DraftEditorPage } from './pages/draft/DraftEditorPage';
import { DraftsPage } from './pages/draft/DraftsPage';
import { LoginPage } from './pages/LoginPage';
import { InboxPage, SigningPage } from './pages/review/QueuePages';
import { ReviewPage } from './pages/review/ReviewPage';
import { NotFound } from './pages/NotFound';
import { DashboardPage } from './pages/supervision/DashboardPage';
import { ExportsPage } from './pages/supervision/ExportsPage';
import { OverduePage } from './pages/supervision/OverduePage';
import { PublicLayout } from './pages/public/PublicLayout';
import { PublicRepliesPage } from './pages/public/PublicRepliesPage';
import { PublicReplyPage } from './pages/public/PublicReplyPage';
import { FeedbackPage } from './pages/registrar/FeedbackPage';
import { ImportPage } from './pages/registrar/ImportPage';
import { ProposalPage } from './pages/registrar/ProposalPage';
import { ProposalsPage } from './pages/registrar/ProposalsPage';
import { RequestsPage } from './pages/registrar/RequestsPage';
import { SessionsPage } from './pages/registrar/SessionsPage';

/** The page of each menu item. */
const PAGES: Record<NavKey, () => React.JSX.Element> = {
  assignments: AssignmentsPage,
  inbox: InboxPage,
  signing: SigningPage,
  dashboard: DashboardPage,
  overdue: OverduePage,
  exports: ExportsPage,
  publicReplies: () => <PublicRepliesPage basePath="/public-replies" />,
  drafts: DraftsPage,
  users: UsersPage,
  organisations: OrganisationsPage,
  calendar: CalendarPage,
  templates: TemplatesPage,
  signingKeys: SigningKeysPage,
  queues: QueuesPage,
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
  { path: '/assignments/:id', roles: ['clerk', 'reviewer', 'signatory'], Page: AssignmentPage },
  { path: '/replies/:id/review', roles: ['reviewer', 'signatory', 'clerk'], Page: ReviewPage },
  { path: '/public-replies/replies/:id', roles: ALL_ROLES, Page: () => <PublicReplyPage basePath="/public-replies" /> },
  { path: '/replies/:id/draft', roles: ['clerk', 'reviewer', 'signatory'], Page: DraftEditorPage },
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
  return <Page />;
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
              {/* 公开答复: open to anyone, without login; the menu's publicReplies shows the same inside the app. */}
              <Route path="/public" element={<PublicLayout />}>
                <Route index element={<PublicRepliesPage basePath="/public" />} />
                <Route path="replies/:id" element={<PublicReplyPage basePath="/public" />} />
              </Route>
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
