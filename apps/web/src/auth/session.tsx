import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { type ApiClient, createApiClient, TokenStore } from '../api/client';
import { unwrap } from '../api/errors';
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
}

const SessionContext = createContext<Session | null>(null);

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

  const api = useMemo(
    () =>
      createApiClient({
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
    () => ({ api, status, user, notice, login, logout }),
    [api, status, user, notice, login, logout],
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
