import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useI18n();
  return (
    <Result
      status={forbidden ? '403' : '404'}
      title={forbidden ? t.forbiddenTitle : t.notFoundTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}
