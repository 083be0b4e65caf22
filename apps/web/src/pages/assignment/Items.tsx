import type { HTMLAttributes, ReactNode } from 'react';
import { theme, Typography } from 'antd';

/** A plain list of records (antd's List is deprecated in 6.6; its successor Listy is a virtual list). */
export function Items({ header, children }: { header?: ReactNode; children: ReactNode }) {
  return (
    <section>
      {header && <Typography.Text strong>{header}</Typography.Text>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>{children}</ul>
    </section>
  );
}

/** One record, with its actions (if any) at the end of the line. */
export function Item({
  actions,
  children,
  ...rest
}: { actions?: ReactNode; children: ReactNode } & HTMLAttributes<HTMLLIElement>) {
  const { token } = theme.useToken();
  return (
    <li
      {...rest}
      style={{
        display: 'flex',
        gap: 16,
        alignItems: 'flex-start',
        justifyContent: 'space-between',
        padding: '12px 0',
        borderBlockEnd: `1px solid ${token.colorSplit}`,
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
    </li>
  );
}
