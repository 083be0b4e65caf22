import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import { type ApiClient, createAuthFetch, TokenStore } from '../api/client';
import { downloadFile } from '../api/download';
import type { paths } from '../api/schema';
import { ApiError, unwrap } from '../api/errors';
import type { Me } from '../api/types';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';
/** Why the user is at the login page, to say so. */
export type SessionNotice = 'expired' | 'loggedOut' | null;

export interface Session {
  api: ApiClient;
  status: SessionStatus;
  user: Me | null;
  notice: SessionNotice;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Downloads an API file (path from the root, e.g. /replies/{id}/documents/pdf) with the session's token; resolves to the file name. */
  download: (path: string, fallbackName: string) => Promise<string>;
  /** Sends a multipart form (a file upload) with the session's token; resolves to the answer's JSON, if any. */
  upload: (path: string, body: FormData, method?: 'POST' | 'PUT') => Promise<unknown>;
}

const SessionContext = createContext<Session | null>(null);

/** openapi-fetch would serialise the body as JSON; a FormData goes as it is (the browser sets the multipart boundary). */
async function sendForm(
  fetchWithSession: (request: Request) => Promise<Response>,
  url: string,
  body: FormData,
  method: 'POST' | 'PUT',
): Promise<unknown> {
  const response = await fetchWithSession(new Request(url, { method, body }));
  const text = await response.text();
  let answer: unknown;
  try {
    answer = text ? JSON.parse(text) : undefined;
  } catch {
    answer = text;
  }
  if (!response.ok) {
    const coded =
      typeof answer === 'object' && answer !== null && typeof (answer as { code?: unknown }).code === 'string';
    throw new ApiError(response.status, coded ? (answer as ConstructorParameters<typeof ApiError>[1]) : null);
  }
  return answer;
}

/** The logged-in user (from /auth/me or the login answer) and the API client that carries their token. */
export function SessionProvider({
  children,
  baseUrl = window.location.origin,
}: {
  children: ReactNode;
  baseUrl?: string;
}) {
  const queryClient = useQueryClient();
  const tokens = useMemo(() => new TokenStore(localStorage), []);
  const [user, setUser] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>(() => (tokens.get() ? 'loading' : 'anonymous'));
  const [notice, setNotice] = useState<SessionNotice>(null);

  const authFetch = useMemo(
    () =>
      createAuthFetch({
        baseUrl,
        tokens,
        // The I18nProvider keeps <html lang> on the chosen language.
        language: () => document.documentElement.lang || 'zh-CN',
        onSessionExpired: () => {
          setUser(null);
          setStatus('anonymous');
          setNotice('expired');
          queryClient.clear();
        },
      }),
    [baseUrl, tokens, queryClient],
  );
  const api = useMemo(() => createClient<paths>({ baseUrl, fetch: authFetch }), [baseUrl, authFetch]);
  const download = useCallback(
    (path: string, fallbackName: string) => downloadFile(authFetch, `${baseUrl}${path}`, fallbackName),
    [authFetch, baseUrl],
  );
  const upload = useCallback(
    (path: string, body: FormData, method: 'POST' | 'PUT' = 'POST') =>
      sendForm(authFetch, `${baseUrl}${path}`, body, method),
    [authFetch, baseUrl],
  );

  useEffect(() => {
    if (!tokens.get()) return;
    let cancelled = false;
    api
      .GET('/auth/me')
      .then((result) => {
        if (cancelled) return;
        if (result.response.ok && result.data) {
          setUser(result.data);
          setStatus('authenticated');
        } else {
          tokens.clear();
          setStatus('anonymous');
        }
      })
      .catch(() => !cancelled && setStatus('anonymous'));
    return () => {
      cancelled = true;
    };
  }, [api, tokens]);

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = unwrap(await api.POST('/auth/login', { body: { username, password } }));
      tokens.set(answer);
      setUser(answer.user);
      setNotice(null);
      setStatus('authenticated');
    },
    [api, tokens],
  );

  const logout = useCallback(async () => {
    const current = tokens.get();
    if (current)
      await api.POST('/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
    tokens.clear();
    queryClient.clear();
    setUser(null);
    setNotice('loggedOut');
    setStatus('anonymous');
  }, [api, tokens, queryClient]);

  const value = useMemo(
    () => ({ api, status, user, notice, login, logout, download, upload }),
    [api, status, user, notice, login, logout, download, upload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** For tests and stories: a fixed session. */
export const SessionContextForTests = SessionContext;
