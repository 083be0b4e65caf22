import type { ReactNode } from 'react';
import { Form } from 'antd';

export interface FieldNote {
  key: string;
  text: string;
  /** error: refused or required; warning: what submitting still needs. */
  level: 'error' | 'warning';
}

/**
 * One labelled field with the messages that concern it right under it: what submitting still
 * lacks (from the completeness check), what the last save was refused for, what the editor asks
 * for itself. The wrapper's id lets the side panel scroll to it.
 */
export function FieldItem({
  field,
  label,
  htmlFor,
  notes = [],
  required,
  children,
  extra,
}: {
  field: string;
  label: ReactNode;
  htmlFor?: string;
  notes?: readonly FieldNote[];
  required?: boolean;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const level = notes.some((n) => n.level === 'error') ? 'error' : notes.length > 0 ? 'warning' : undefined;
  return (
    <div id={`field-${field.replace(':', '-')}`} data-testid={`field-${field}`}>
      <Form.Item
        label={label}
        htmlFor={htmlFor}
        required={required}
        validateStatus={level}
        extra={extra}
        help={
          notes.length > 0 ? (
            <div data-testid={`notes-${field}`}>
              {notes.map((note) => (
                <div key={note.key}>{note.text}</div>
              ))}
            </div>
          ) : undefined
        }
      >
        {children}
      </Form.Item>
    </div>
  );
}

/** Scrolls to a field and puts the cursor in its first input. */
export function focusField(field: string): void {
  const element = document.getElementById(`field-${field.replace(':', '-')}`);
  if (!element) return;
  element.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  element.querySelector<HTMLElement>('input, textarea')?.focus();
}
