import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useSessions, useShowError } from './shared';
import type { ImportPreview, ImportPreviewRow, ImportResult } from './types';

interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
}

/** A File's bytes; jsdom's File has no arrayBuffer(), browsers' do. */
function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(file);
  });
}

/** The multipart body both calls take; openapi-fetch sends FormData as it is (with the browser's boundary). */
function formOf(chosen: ChosenFile): { file?: string } {
  const body = new FormData();
  body.append('file', new Blob([chosen.bytes]), chosen.name);
  return body as unknown as { file?: string };
}

interface ImportForm {
  sessionId?: string;
  assignedOn?: string;
}

/**
 * 批量导入: the committee's list (CSV or XLSX) is checked by POST /proposals/import/preview, which
 * runs the import's own rules and writes nothing, and each row is shown with its problems. The
 * import (POST /proposals/import) takes all rows or none, so it is offered only for a clean file.
 */
export function ImportPage() {
  const m = useMessages(registrarMessages);
  const { t, lang } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const [form] = Form.useForm<ImportForm>();
  const sessionId = Form.useWatch('sessionId', form);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const check = useMutation({
    mutationFn: async ({ session, chosen }: { session: string; chosen: ChosenFile }) =>
      unwrap(
        await api.POST('/proposals/import/preview', {
          params: { query: { sessionId: session } },
          body: formOf(chosen),
        }),
      ),
  });

  const runCheck = (session: string | undefined, chosen: ChosenFile | null) => {
    if (!session || !chosen) return;
    setPreview(null);
    // Callbacks given to mutate() run for the latest call only, so a slower earlier answer is dropped.
    check.mutate(
      { session, chosen },
      {
        onSuccess: setPreview,
        // A file the import would refuse outright (format, empty, too large) is an error of the file field.
        onError: (error) => setFileError(errorMessage(error, lang, t, m.actionFailed)),
      },
    );
  };

  const choose = async (picked: File | undefined) => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setFileError(null);
    if (!picked) return;
    const extension = /\.([^.]+)$/u.exec(picked.name)?.[1]?.toLowerCase();
    if (extension !== 'csv' && extension !== 'xlsx') {
      setFileError(m.unsupportedFile);
      return;
    }
    const bytes = await readBytes(picked).catch(() => null);
    if (!bytes) {
      setFileError(m.actionFailed);
      return;
    }
    const chosen = { name: picked.name, bytes };
    setFile(chosen);
    runCheck(form.getFieldValue('sessionId') as string | undefined, chosen);
  };

  const upload = useMutation({
    mutationFn: async ({ values, chosen }: { values: ImportForm; chosen: ChosenFile }) =>
      unwrap(
        await api.POST('/proposals/import', {
          params: { query: { sessionId: values.sessionId ?? '', assignedOn: values.assignedOn || undefined } },
          body: formOf(chosen),
        }),
      ),
    onSuccess: (answer) => {
      setResult(answer);
      setFile(null);
      setPreview(null);
      void message.success(m.importDone(answer.imported, answer.assignments));
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    },
    onError: (error, { values, chosen }) => {
      showError(error);
      // Something changed since the preview (a number registered meanwhile): show the rows as they are now.
      if (error instanceof ApiError && error.body?.code === 'IMPORT_ROWS_INVALID') runCheck(values.sessionId, chosen);
    },
  });

  const problemsText = (row: ImportPreviewRow) => row.problems.map((p) => p[lang]).join('；');
  const names = (list: string[]) => list.join('、');
  const columns: ColumnsType<ImportPreviewRow> = [
    { title: m['col.line'], dataIndex: 'line', width: 70, fixed: 'left' },
    { title: m['col.number'], dataIndex: 'number', width: 80 },
    { title: m['col.title'], dataIndex: 'title', ellipsis: true },
    {
      title: m['import.col.proposers'],
      key: 'proposers',
      render: (_, row) => names(row.proposers.map((p) => p.name)),
    },
    { title: m['import.col.category'], dataIndex: 'category' },
    { title: m['import.col.lead'], dataIndex: 'leadBureau' },
    { title: m['import.col.co'], key: 'co', render: (_, row) => names(row.coBureaus) },
    { title: m['import.col.separate'], key: 'separate', render: (_, row) => names(row.separateBureaus) },
    { title: m['col.receivedOn'], dataIndex: 'receivedOn', width: 110 },
    {
      title: m['col.problems'],
      key: 'problems',
      width: 320,
      render: (_, row) => <Typography.Text type="danger">{problemsText(row)}</Typography.Text>,
    },
  ];

  const counts = preview?.counts;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.importTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.importHint}</Typography.Paragraph>
      <Form<ImportForm>
        form={form}
        name="import"
        layout="vertical"
        onFinish={(values) => file && upload.mutate({ values, chosen: file })}
      >
        <Space align="start" wrap>
          <Form.Item name="sessionId" label={m['import.session']} rules={[{ required: true, message: m.required }]}>
            <Select
              style={{ width: 260 }}
              loading={sessions.isPending}
              options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              onChange={(value: string) => {
                setFileError(null);
                runCheck(value, file);
              }}
            />
          </Form.Item>
          <Form.Item name="assignedOn" label={m['import.assignedOn']} extra={m['assign.assignedOnHint']}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            label={m['import.file']}
            htmlFor="import-file"
            validateStatus={fileError ? 'error' : undefined}
            help={fileError}
          >
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                void choose(event.target.files?.[0]);
                // Emptied so that choosing the corrected file under the same name reads it again.
                event.target.value = '';
              }}
            />
          </Form.Item>
        </Space>

        {result && (
          <Result
            status="success"
            title={m.importDone(result.imported, result.assignments)}
            subTitle={m.importedNumbers(result.proposals.map((p) => p.number).join('、'))}
            extra={<Link to="/proposals">{m.goToProposals}</Link>}
          />
        )}

        {file && !sessionId && <Alert type="info" showIcon title={m.previewNeedsSession} />}
        {check.isPending && <Alert type="info" showIcon title={m.previewChecking} />}

        {preview && counts && (
          <>
            <Typography.Title level={5}>{m.previewHeading(preview.filename, counts.rows)}</Typography.Title>
            <Typography.Paragraph data-testid="import-counts">
              {m.previewCounts(counts.rows, counts.valid, counts.withProblems, counts.alreadyRegistered)}
            </Typography.Paragraph>
            {!preview.importable && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                title={m.previewInvalid(counts.problems)}
                description={
                  preview.fileProblems.length > 0 && (
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {preview.fileProblems.map((p, i) => (
                        <li key={i}>{p[lang]}</li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
            <Table<ImportPreviewRow>
              rowKey="line"
              size="small"
              columns={columns}
              dataSource={preview.rows}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              onRow={(row) =>
                row.problems.length > 0
                  ? ({
                      'data-invalid': 'true',
                      style: { background: '#fff1f0' },
                    } as React.HTMLAttributes<HTMLElement>)
                  : {}
              }
            />
            <Button
              type="primary"
              htmlType="submit"
              disabled={!preview.importable}
              loading={upload.isPending}
              style={{ marginTop: 16 }}
            >
              {m.confirmImport(counts.valid)}
            </Button>
          </>
        )}
      </Form>
    </Card>
  );
}
