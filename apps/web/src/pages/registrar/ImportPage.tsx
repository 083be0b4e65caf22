import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useSessions, useShowError } from './shared';
import { decodeCsv, parseCsv, type Preview, previewOf, type PreviewRow, type RowProblem, rowProblemsOf } from './sheet';
import type { ImportResult } from './types';

interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
  /** Rows for CSV; null for XLSX, which the browser does not unpack. */
  preview: Preview | null;
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

interface ImportForm {
  sessionId?: string;
  assignedOn?: string;
}

/**
 * 批量导入: the committee's list, previewed in the browser, sent to POST /proposals/import only when
 * the registrar confirms. The API takes all rows or none; when it refuses, its problems are shown
 * on the rows they name.
 */
export function ImportPage() {
  const m = useMessages(registrarMessages);
  const { lang } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const [form] = Form.useForm<ImportForm>();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);

  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setProblems([]);
    setResult(null);
    setFileError(null);
    if (!chosen) return;
    const extension = /\.([^.]+)$/u.exec(chosen.name)?.[1]?.toLowerCase();
    if (extension !== 'csv' && extension !== 'xlsx') {
      setFileError(m.unsupportedFile);
      return;
    }
    try {
      const bytes = await readBytes(chosen);
      if (extension === 'xlsx') {
        setFile({ name: chosen.name, bytes, preview: null });
        return;
      }
      const preview = previewOf(parseCsv(decodeCsv(bytes)));
      if (preview.rows.length === 0) setFileError(m.csvEmpty);
      else setFile({ name: chosen.name, bytes, preview });
    } catch {
      setFileError(m.csvUnreadable);
    }
  };

  const upload = useMutation({
    mutationFn: async ({ values, chosen }: { values: ImportForm; chosen: ChosenFile }) => {
      const body = new FormData();
      body.append('file', new Blob([chosen.bytes]), chosen.name);
      return unwrap(
        await api.POST('/proposals/import', {
          params: { query: { sessionId: values.sessionId ?? '', assignedOn: values.assignedOn || undefined } },
          // openapi-fetch sends FormData as it is (multipart, with the browser's boundary).
          body: body as unknown as { file?: string },
        }),
      );
    },
    onSuccess: (answer) => {
      setResult(answer);
      setFile(null);
      void message.success(m.importDone(answer.imported, answer.assignments));
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    },
    onError: (error) => {
      const found = error instanceof ApiError ? rowProblemsOf(error.body) : [];
      setProblems(found);
      if (found.length === 0) showError(error);
    },
  });

  const problemsOf = (line: number) => problems.filter((p) => p.line === line);
  const previewLines = new Set(file?.preview?.rows.map((r) => r.line) ?? []);
  const otherProblems = problems.filter((p) => !previewLines.has(p.line));

  const columns: ColumnsType<PreviewRow> = [
    { title: m['col.line'], dataIndex: 'line', width: 70, fixed: 'left' },
    ...(file?.preview?.headers ?? []).map((header, column) => ({
      title: header,
      key: `c${column}`,
      ellipsis: true,
      render: (_: unknown, row: PreviewRow) => row.cells[column],
    })),
    ...(problems.length > 0
      ? [
          {
            title: m['col.problems'],
            key: 'problems',
            width: 320,
            render: (_: unknown, row: PreviewRow) => (
              <Typography.Text type="danger">
                {problemsOf(row.line)
                  .map((p) => p[lang])
                  .join('；')}
              </Typography.Text>
            ),
          },
        ]
      : []),
  ];

  const rowCount = file?.preview?.rows.length;
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

        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={m.rowsInvalid(problems.length)}
            description={
              otherProblems.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {otherProblems.map((p, i) => (
                    <li key={i}>{p[lang]}</li>
                  ))}
                </ul>
              )
            }
          />
        )}

        {file && (
          <>
            <Typography.Title level={5}>
              {rowCount ? m.previewHeading(file.name, rowCount) : file.name}
            </Typography.Title>
            {file.preview ? (
              <Table<PreviewRow>
                rowKey="line"
                size="small"
                columns={columns}
                dataSource={file.preview.rows}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                onRow={(row) =>
                  problemsOf(row.line).length > 0
                    ? ({
                        'data-invalid': 'true',
                        style: { background: '#fff1f0' },
                      } as React.HTMLAttributes<HTMLElement>)
                    : {}
                }
              />
            ) : (
              <Alert type="info" showIcon title={m.xlsxNoPreview} style={{ marginBottom: 16 }} />
            )}
            <Button type="primary" htmlType="submit" loading={upload.isPending} style={{ marginTop: 16 }}>
              {rowCount ? m.confirmImport(rowCount) : m.confirmImportFile}
            </Button>
          </>
        )}
      </Form>
    </Card>
  );
}
