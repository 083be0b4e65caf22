import type { ReactElement, ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import type { Me } from '../api/types';
import { type Session, SessionContextForTests } from '../auth/session';
import { I18nProvider } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

export function testUser(roles: Me['roles'] = ['clerk']): Me {
  return {
    id: 'u1',
    username: 'clerk',
    displayName: '王丽',
    roles,
    organisation: { id: 'o1', name: '三门峡市民政局', kind: 'bureau' },
  };
}

export function fakeSession(overrides: Partial<Session> = {}): Session {
  return {
    api: {} as ApiClient,
    status: 'authenticated',
    user: testUser(),
    notice: null,
    login: jest.fn(),
    logout: jest.fn(),
    ...overrides,
  };
}

/** The component inside the providers the app gives it, with a fixed session. */
export function renderWithProviders(
  ui: ReactElement,
  { session = fakeSession(), lang = 'zh', path = '/' }: { session?: Session; lang?: Language; path?: string } = {},
): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={lang}>
        <ConfigProvider locale={zhCN}>
          <SessionContextForTests.Provider value={session}>
            <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
          </SessionContextForTests.Provider>
        </ConfigProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
  return render(ui, { wrapper: Wrapper });
}
