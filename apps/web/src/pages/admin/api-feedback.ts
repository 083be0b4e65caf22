import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../../api/errors';
import { useI18n, useMessages } from '../../i18n/i18n';
import type { Language } from '../../i18n/messages';
import { commonWords } from './common-words';

/** One antd form field's errors, by its name path (`steps.1.name` → ['steps', 1, 'name']). */
export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

interface FieldProblem {
  field: string;
  zh?: string;
  en?: string;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string';
}

/**
 * The API's per-field messages in the user's language. A validation failure carries them as
 * details.fields, a rule of a context (template, grade scale) as details.problems: both
 * `{ field, zh, en }`, the message prefixed by the field's name, which the form shows already.
 * `codeFields` names the field a coded refusal is about (USERNAME_TAKEN → username).
 */
export function fieldErrorsOf(error: unknown, lang: Language, codeFields: Record<string, string> = {}): FieldError[] {
  if (!(error instanceof ApiError) || !error.body) return [];
  const details = (error.body as { details?: { fields?: unknown; problems?: unknown } }).details;
  const listed = [
    ...(Array.isArray(details?.fields) ? details.fields : []),
    ...(Array.isArray(details?.problems) ? details.problems : []),
  ].filter(isFieldProblem);
  const byField = new Map<string, string[]>();
  for (const problem of listed) {
    const text = problem[lang] ?? problem.zh ?? problem.en;
    if (!text) continue;
    const escaped = problem.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const message = text.replace(new RegExp(`^${escaped}\\s*[：:]\\s*`), '');
    byField.set(problem.field, [...(byField.get(problem.field) ?? []), message]);
  }
  const coded = codeFields[error.body.code];
  if (coded && byField.size === 0) {
    byField.set(coded, [error.body.messages?.[lang] ?? error.body.message ?? error.message]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors,
  }));
}

/**
 * What a page does with a refused request: the API's message as a toast, and its per-field
 * messages at the form's fields when there is a form.
 */
export function useApiFailure(): (error: unknown, form?: FormInstance, codeFields?: Record<string, string>) => void {
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const words = useMessages(commonWords);
  return useCallback(
    (error, form, codeFields) => {
      if (form) form.setFields(fieldErrorsOf(error, lang, codeFields));
      void message.error(errorMessage(error, lang, t, words.failed));
    },
    [message, lang, t, words],
  );
}
