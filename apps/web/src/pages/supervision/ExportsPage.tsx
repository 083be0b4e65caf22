import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/errors';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { supervisionMessages } from './messages';
import { SessionSelect } from './SessionSelect';

type ExportView = components['schemas']['ExportView'];
type ExportFormat = components['schemas']['ExportFormat'];

/** The path of GET /supervision/export for one view and format, in the chosen session (or all). */
export function exportPath(view: ExportView, format: ExportFormat, sessionId?: string): string {
  const query = new URLSearchParams({ view, format });
  if (sessionId) query.set('sessionId', sessionId);
  return `/supervision/export?${query.toString()}`;
}

/** 统计导出: the three tables as XLSX or CSV, and the session's PDF report, with the session's token. */
export function ExportsPage() {
  const { download } = useSession();
  const { lang, t: common } = useI18n();
  const t = useMessages(supervisionMessages);
  const { message } = App.useApp();
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);

  const fetchFile = async (key: string, path: string, fallbackName: string) => {
    setBusy(key);
    try {
      const name = await download(path, fallbackName);
      void message.success(t.downloaded(name));
    } catch (error) {
      void message.error(errorMessage(error, lang, common, t.downloadFailed));
    } finally {
      setBusy(null);
    }
  };

  const views: { view: ExportView; label: string }[] = [
    { view: 'statistics', label: t.viewStatistics },
    { view: 'ranking', label: t.viewRanking },
    { view: 'overdue', label: t.viewOverdue },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t.exportsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.exportsHint}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="session-filter">{t.session}</label>
        <SessionSelect value={sessionId} onChange={setSessionId} />
      </Space>
      <Descriptions bordered column={1} size="middle">
        {views.map(({ view, label }) => (
          <Descriptions.Item key={view} label={label}>
            <Space wrap>
              {(['xlsx', 'csv'] as const).map((format) => (
                <Button
                  key={format}
                  icon={<DownloadOutlined />}
                  loading={busy === `${view}.${format}`}
                  aria-label={`${label} · ${format === 'xlsx' ? t.downloadXlsx : t.downloadCsv}`}
                  onClick={() =>
                    void fetchFile(`${view}.${format}`, exportPath(view, format, sessionId), `${view}.${format}`)
                  }
                >
                  {format === 'xlsx' ? t.downloadXlsx : t.downloadCsv}
                </Button>
              ))}
            </Space>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t.report}>
          <Space wrap>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!sessionId}
              loading={busy === 'report'}
              onClick={() =>
                sessionId && void fetchFile('report', `/supervision/sessions/${sessionId}/report`, 'report.pdf')
              }
            >
              {t.downloadReport}
            </Button>
            {!sessionId && <Typography.Text type="secondary">{t.reportNeedsSession}</Typography.Text>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
