import type { Language, Messages } from '../i18n/messages';

/** The API's error body: { code, message, messages: { zh, en }, details, requestId }. */
export interface ApiErrorBody {
  code: string;
  message?: string;
  messages?: { zh: string; en: string };
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.messages?.en ?? body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

/** What openapi-fetch returned, as data, or an ApiError carrying the API's coded message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, isErrorBody(result.error) ? result.error : null);
}

/** The message for the user, in their language: the API's own words when it sent any. */
export function errorMessage(error: unknown, lang: Language, t: Messages, fallback: string = t.loginFailed): string {
  if (error instanceof ApiError) return error.body?.messages?.[lang] ?? error.body?.message ?? fallback;
  if (error instanceof TypeError) return t.networkError;
  return fallback;
}
