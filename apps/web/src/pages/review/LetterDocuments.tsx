import { Alert, App, Button, Space, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { reviewMessages } from './messages';
import type { ReplyView } from './types';

/** 'producing' while the worker makes the signed PDF and the DOCX (the page polls), 'ready' once issued. */
export function documentsState(status: ReplyView['status']): 'none' | 'producing' | 'ready' {
  if (status === 'signed') return 'producing';
  if (status === 'issued') return 'ready';
  return 'none';
}

/** The final documents of a signed reply: their state, and once issued, the signed PDF and the DOCX. */
export function LetterDocuments({ reply }: { reply: ReplyView }) {
  const { download } = useSession();
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const w = useMessages(reviewMessages);
  const state = documentsState(reply.status);
  const name = reply.documentNumber ?? reply.id;
  const get = (kind: 'pdf' | 'docx') =>
    download(`/replies/${reply.id}/documents/${kind}`, `${name}.${kind}`).catch((error: unknown) =>
      message.error(errorMessage(error, lang, t, w.downloadFailed)),
    );

  return (
    <div data-testid="documents-state" data-state={state}>
      {state === 'none' && <Alert type="info" title={w.documentsNone} />}
      {state === 'producing' && (
        <Alert type="info" showIcon icon={<Spin size="small" />} title={w.documentsProducing} />
      )}
      {state === 'ready' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={w.documentsReady} />
          <Space wrap>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              data-testid="download-pdf"
              onClick={() => void get('pdf')}
            >
              {w.downloadPdf}
            </Button>
            <Button icon={<DownloadOutlined />} data-testid="download-docx" onClick={() => void get('docx')}>
              {w.downloadDocx}
            </Button>
          </Space>
        </Space>
      )}
    </div>
  );
}
