import { Result } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** A page that exists in the menu and the routes but is not built: says so plainly. */
export function Placeholder({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  const heading = t[title];
  return (
    <Result
      status="info"
      title={`${typeof heading === 'string' ? heading : ''} — ${t.notBuiltTitle}`}
      subTitle={t.notBuiltBody}
    />
  );
}
