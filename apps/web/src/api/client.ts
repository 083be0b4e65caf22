import type { Client } from 'openapi-fetch';
import type { paths } from './schema';
import type { Tokens } from './types';

export type ApiClient = Client<paths>;

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

/** The tokens of this browser's session, kept in localStorage so a reload stays logged in. */
export class TokenStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly key = 'dafu.session',
  ) {}

  get(): StoredTokens | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? 'null') as StoredTokens | null;
      return value?.accessToken && value.refreshToken ? value : null;
    } catch {
      return null;
    }
  }

  set(tokens: StoredTokens): void {
    this.storage.setItem(
      this.key,
      JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }),
    );
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}

export interface AuthFetchOptions {
  baseUrl: string;
  tokens: TokenStore;
  /** The refresh token was refused too: the session is over. */
  onSessionExpired: () => void;
  language: () => string;
  fetchImpl?: (request: Request) => Promise<Response>;
}

const AUTH_PATHS = ['/auth/login', '/auth/refresh', '/auth/logout'];

/**
 * fetch with the bearer token; on a 401 it trades the refresh token for new tokens once (one
 * refresh for all the requests that failed together) and repeats the request.
 */
export function createAuthFetch(options: AuthFetchOptions): (request: Request) => Promise<Response> {
  const fetchImpl = options.fetchImpl ?? ((request: Request) => fetch(request));
  let refreshing: Promise<boolean> | null = null;

  const prepare = (request: Request): Request => {
    const tokens = options.tokens.get();
    if (tokens) request.headers.set('authorization', `Bearer ${tokens.accessToken}`);
    request.headers.set('accept-language', options.language());
    return request;
  };

  const refresh = async (): Promise<boolean> => {
    const tokens = options.tokens.get();
    if (!tokens) return false;
    try {
      const response = await fetchImpl(
        new Request(`${options.baseUrl}/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken: tokens.refreshToken }),
        }),
      );
      if (!response.ok) return false;
      options.tokens.set((await response.json()) as Tokens);
      return true;
    } catch {
      return false;
    }
  };

  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const isAuthCall = AUTH_PATHS.some((p) => path.endsWith(p));
    const again = isAuthCall ? null : request.clone();
    const response = await fetchImpl(prepare(request));
    if (response.status !== 401 || again === null || options.tokens.get() === null) return response;
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    if (!(await refreshing)) {
      options.tokens.clear();
      options.onSessionExpired();
      return response;
    }
    return fetchImpl(prepare(again));
  };
}
