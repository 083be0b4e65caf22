import { Alert, Button } from 'antd';
import { errorMessage } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** What a page shows when its data did not load: the API's own message and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error, lang, t, t.loadFailed)}
      action={onRetry && <Button onClick={onRetry}>{t.retry}</Button>}
    />
  );
}
