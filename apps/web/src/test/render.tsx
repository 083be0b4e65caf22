import type { ReactElement, ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { createCache, StyleProvider } from '@ant-design/cssinjs';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import createClient from 'openapi-fetch';
import type { ApiClient } from '../api/client';
import type { paths } from '../api/schema';
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
    download: jest.fn(),
    upload: jest.fn(),
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
        {/* antd's styles are collected, not written into the page: jsdom matches every CSS rule
            against every element on each getComputedStyle, which made a page's test take minutes. */}
        <StyleProvider mock="server" cache={createCache()}>
          <ConfigProvider locale={zhCN}>
            <AntApp>
              <SessionContextForTests.Provider value={session}>
                <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
              </SessionContextForTests.Provider>
            </AntApp>
          </ConfigProvider>
        </StyleProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
  return render(ui, { wrapper: Wrapper });
}

/** A request the fake API answered: method, path (no query), query and parsed JSON body. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type FakeAnswer = unknown | { status: number; body: unknown };
type FakeHandler = (request: FakeRequest, params: Record<string, string>) => FakeAnswer | Promise<FakeAnswer>;

/**
 * A real openapi-fetch client over a fake server: `routes` maps 'GET /replies/:id' to the answer
 * (a body for 200, or { status: <number>, body }; a record whose status is a word is a body). Unmatched requests answer 404, and every request is
 * recorded in `requests`, so a test asserts what the page sent.
 */
export function fakeApi(routes: Record<string, FakeHandler | FakeAnswer>): { api: ApiClient; requests: FakeRequest[] } {
  const requests: FakeRequest[] = [];
  const table = Object.entries(routes).map(([key, answer]) => {
    const [method, pattern] = key.split(' ');
    const names: string[] = [];
    const regex = new RegExp(
      `^${pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    return { method, regex, names, answer };
  });
  const fetchImpl = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // multipart or plain text stays as it came
    }
    const recorded = { method: request.method, path: url.pathname, query: url.searchParams, body };
    requests.push(recorded);
    for (const route of table) {
      const match = route.method === request.method ? route.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      const answer =
        typeof route.answer === 'function' ? await (route.answer as FakeHandler)(recorded, params) : route.answer;
      const shaped =
        typeof answer === 'object' &&
        answer !== null &&
        'body' in answer &&
        typeof (answer as { status?: unknown }).status === 'number'
          ? (answer as { status: number; body: unknown })
          : { status: 200, body: answer };
      return new Response(shaped.body === undefined ? null : JSON.stringify(shaped.body), {
        status: shaped.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify({ code: 'NOT_FOUND', messages: { zh: '未找到', en: 'Not found' } }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { api: createClient<paths>({ baseUrl: 'http://dafu.test', fetch: fetchImpl }), requests };
}
