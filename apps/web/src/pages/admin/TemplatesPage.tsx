import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useMessages } from '../../i18n/i18n';
import {
  type DocumentNumberSeries,
  type GradeClass,
  type ReplyTemplate,
  type ReplyTemplateInput,
  SESSION_BODIES,
  type SessionBody,
} from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';
import { useOrganisations } from './queries';

const words = defineMessages(
  {
    title: '答复模板',
    templates: '答复模板',
    templatesHint:
      '新答复按模板预填标题、开头语、结束语和抄送。本单位模板优先，其次是该类会议的通用模板，最后是内置默认。可用占位符：{session} 会议、{number} 编号、{kind} 提案/建议、{title} 标题。',
    body: '会议类别',
    scope: '适用单位',
    allBureaus: '所有承办单位（通用）',
    builtIn: '内置默认',
    version: '版本',
    newTemplate: '新建单位模板',
    editTemplate: '编辑答复模板',
    titleTemplate: '标题模板',
    openingTemplate: '开头语（个人）',
    organisationOpeningTemplate: '开头语（单位提出的）',
    closing: '结束语',
    closingLine: (n: number) => `结束语第 ${n} 段`,
    addClosing: '添加一段结束语',
    defaultCc: '默认抄送',
    ccRecipient: (n: number) => `抄送第 ${n} 项单位`,
    ccCopies: (n: number) => `抄送第 ${n} 项份数`,
    addCc: '添加抄送单位',
    headingsOnOwnLine: '小标题单独成行',
    honorific: '称谓后缀（可不填）',
    grades: '办理结果等次',
    gradesHint: '每类会议的办理结果分类，如 A/B/C 或 A/B/C/D（2–6 项）。已签发的答复保留原等次。',
    grade: (n: number) => `第 ${n} 项等次`,
    gradeLabel: (n: number) => `第 ${n} 项名称`,
    gradeMeaning: (n: number) => `第 ${n} 项含义`,
    addGrade: '添加等次',
    gradeFormat: '一个大写字母',
    series: '文号续编',
    seriesHint:
      '签发时按“前缀〔年份〕序号号”取号，连续且不重复。若本年度在系统外已用过文号，在此填写已用的最大序号，下次签发从下一个开始。只能向后续编。',
    prefix: '文号前缀',
    seriesYear: '年份',
    lastNumber: '已用的最大序号',
    updatedAt: '更新时间',
    continueSeries: '续编',
    noSeries: '还没有文号记录',
    next: (prefix: string, year: number, n: number) => `下一个文号：${prefix}〔${year}〕${n}号`,
  },
  {
    title: 'Reply templates',
    templates: 'Reply templates',
    templatesHint:
      "A new reply starts from a template's title, opening, closing and cc list: the bureau's own first, then the body's general one, then the built-in default. Placeholders: {session}, {number}, {kind}, {title}.",
    body: 'Body',
    scope: 'Applies to',
    allBureaus: 'Every bureau (general)',
    builtIn: 'Built-in default',
    version: 'Version',
    newTemplate: 'New bureau template',
    editTemplate: 'Edit reply template',
    titleTemplate: 'Title template',
    openingTemplate: 'Opening (to a person)',
    organisationOpeningTemplate: 'Opening (to an organisation)',
    closing: 'Closing',
    closingLine: (n: number) => `Closing paragraph ${n}`,
    addClosing: 'Add a closing paragraph',
    defaultCc: 'Default cc list',
    ccRecipient: (n: number) => `Cc ${n} recipient`,
    ccCopies: (n: number) => `Cc ${n} copies`,
    addCc: 'Add a cc recipient',
    headingsOnOwnLine: 'Headings on their own line',
    honorific: 'Honorific suffix (optional)',
    grades: 'Grade scales',
    gradesHint:
      "Each body's classes of result, e.g. A/B/C or A/B/C/D (2 to 6). Signed replies keep the grade they were given.",
    grade: (n: number) => `Class ${n} grade`,
    gradeLabel: (n: number) => `Class ${n} name`,
    gradeMeaning: (n: number) => `Class ${n} meaning`,
    addGrade: 'Add a class',
    gradeFormat: 'One capital letter',
    series: 'Document numbers',
    seriesHint:
      'Sign-off takes numbers as prefix〔year〕n号, consecutive and never repeated. If numbers of this year were used outside Dafu, enter the highest used; the next sign-off takes the one after. Series only move forward.',
    prefix: 'Prefix',
    seriesYear: 'Year',
    lastNumber: 'Highest number used',
    updatedAt: 'Updated at',
    continueSeries: 'Continue series',
    noSeries: 'No document numbers yet',
    next: (prefix: string, year: number, n: number) => `Next number: ${prefix}〔${year}〕${n}号`,
  },
);

/** Reply templates, grade scales and document-number series, in tabs. */
export function TemplatesPage() {
  const w = useMessages(words);
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {w.title}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'templates', label: w.templates, children: <ReplyTemplates /> },
          { key: 'grades', label: w.grades, children: <GradeScales /> },
          { key: 'series', label: w.series, children: <NumberSeries /> },
        ]}
      />
    </Card>
  );
}

function ReplyTemplates() {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const templates = useQuery({
    queryKey: ['reply-templates'],
    queryFn: async () => unwrap(await api.GET('/reply-templates')),
  });
  const names = useMemo(
    () => new Map((organisations.data ?? []).map((o) => [o.id, o.name] as const)),
    [organisations.data],
  );
  const columns: ColumnsType<ReplyTemplate> = [
    { title: w.body, dataIndex: 'body', render: (body: SessionBody) => c[`body.${body}`] },
    {
      title: w.scope,
      dataIndex: 'bureauId',
      render: (id: string | null, t) => (
        <Space>
          {id ? (names.get(id) ?? id) : w.allBureaus}
          {t.id === null && <Tag>{w.builtIn}</Tag>}
        </Space>
      ),
    },
    { title: w.titleTemplate, dataIndex: 'titleTemplate', ellipsis: true },
    { title: w.version, dataIndex: 'version', width: 80 },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, t) => (
        <Button
          size="small"
          onClick={() => setEditing(t)}
          aria-label={`${c.edit} ${c[`body.${t.body}`]} ${t.bureauId ? (names.get(t.bureauId) ?? '') : w.allBureaus}`}
        >
          {c.edit}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{w.templatesHint}</Typography.Paragraph>
      <Button style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>
        {w.newTemplate}
      </Button>
      {templates.isError ? (
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Table<ReplyTemplate>
          rowKey={(t) => `${t.body}:${t.bureauId ?? 'all'}`}
          columns={columns}
          dataSource={templates.data ?? []}
          loading={templates.isPending}
          pagination={false}
        />
      )}
      {editing && (
        <TemplateDrawer
          template={editing === 'new' ? null : editing}
          base={(templates.data ?? []).find((t) => t.bureauId === null)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function TemplateDrawer({
  template,
  base,
  onClose,
}: {
  template: ReplyTemplate | null;
  base: ReplyTemplate | undefined;
  onClose: () => void;
}) {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [form] = Form.useForm<ReplyTemplateInput>();
  const start = template ?? base;

  const save = useMutation({
    mutationFn: async (values: ReplyTemplateInput) =>
      unwrap(
        await api.PUT('/reply-templates', {
          body: {
            body: values.body,
            bureauId: values.bureauId ?? null,
            titleTemplate: values.titleTemplate,
            openingTemplate: values.openingTemplate,
            organisationOpeningTemplate: values.organisationOpeningTemplate,
            closing: (values.closing ?? []).filter((line) => line.trim() !== ''),
            defaultCc: (values.defaultCc ?? []).map((cc) => ({ recipient: cc.recipient.trim(), copies: cc.copies })),
            headingsOnOwnLine: values.headingsOnOwnLine ?? false,
            honorific: values.honorific ?? '',
          },
        }),
      ),
    onSuccess: () => {
      void message.success(c.saved);
      void queryClient.invalidateQueries({ queryKey: ['reply-templates'] });
      onClose();
    },
    onError: (error) => fail(error, form),
  });

  return (
    <Drawer
      open
      title={template ? w.editTemplate : w.newTemplate}
      size={640}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{c.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {c.save}
          </Button>
        </Space>
      }
    >
      <Form<ReplyTemplateInput>
        form={form}
        layout="vertical"
        name="reply-template"
        initialValues={{
          body: start?.body ?? 'cppcc',
          bureauId: template ? template.bureauId : undefined,
          titleTemplate: start?.titleTemplate ?? '',
          openingTemplate: start?.openingTemplate ?? '',
          organisationOpeningTemplate: start?.organisationOpeningTemplate ?? '',
          closing: start?.closing ?? [],
          defaultCc: start?.defaultCc ?? [],
          headingsOnOwnLine: start?.headingsOnOwnLine ?? false,
          honorific: start?.honorific ?? '',
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="body" label={w.body} rules={[{ required: true }]}>
          <Select
            disabled={template !== null}
            options={SESSION_BODIES.map((b) => ({ value: b, label: c[`body.${b}`] }))}
          />
        </Form.Item>
        <Form.Item
          name="bureauId"
          label={w.scope}
          rules={template ? [] : [{ required: true, message: c.chooseBureau }]}
        >
          <Select
            disabled={template !== null}
            placeholder={template ? w.allBureaus : c.chooseBureau}
            showSearch={{ optionFilterProp: 'label' }}
            options={(organisations.data ?? [])
              .filter((o) => o.kind === 'bureau')
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item
          name="titleTemplate"
          label={w.titleTemplate}
          rules={[{ required: true, whitespace: true, message: c.required }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="openingTemplate"
          label={w.openingTemplate}
          rules={[{ required: true, whitespace: true, message: c.required }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="organisationOpeningTemplate"
          label={w.organisationOpeningTemplate}
          rules={[{ required: true, whitespace: true, message: c.required }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Typography.Text strong>{w.closing}</Typography.Text>
        <Form.List name="closing">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={field.name} label={w.closingLine(index + 1)} style={{ flex: 1, minWidth: 400 }}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Button
                    danger
                    style={{ marginTop: 30 }}
                    onClick={() => remove(field.name)}
                    aria-label={`${c.remove} ${w.closingLine(index + 1)}`}
                  >
                    {c.remove}
                  </Button>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add('')} disabled={fields.length >= 10}>
                  {w.addClosing}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Typography.Text strong>{w.defaultCc}</Typography.Text>
        <Form.List name="defaultCc">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'recipient']}
                    label={w.ccRecipient(index + 1)}
                    rules={[{ required: true, whitespace: true, message: c.required }]}
                  >
                    <Input maxLength={200} style={{ minWidth: 260 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'copies']}
                    label={w.ccCopies(index + 1)}
                    rules={[{ required: true, message: c.required }]}
                  >
                    <InputNumber min={1} max={99} />
                  </Form.Item>
                  <Button
                    danger
                    style={{ marginTop: 30 }}
                    onClick={() => remove(field.name)}
                    aria-label={`${c.remove} ${w.ccRecipient(index + 1)}`}
                  >
                    {c.remove}
                  </Button>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ recipient: '', copies: 2 })} disabled={fields.length >= 30}>
                  {w.addCc}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="headingsOnOwnLine" label={w.headingsOnOwnLine} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="honorific" label={w.honorific}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function GradeScales() {
  const { api } = useSession();
  const w = useMessages(words);
  const scales = useQuery({
    queryKey: ['grade-scales'],
    queryFn: async () => unwrap(await api.GET('/grade-scales')),
  });
  if (scales.isError) return <LoadError error={scales.error} onRetry={() => void scales.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{w.gradesHint}</Typography.Paragraph>
      {!scales.isPending &&
        SESSION_BODIES.map((body) => (
          <GradeScaleForm key={body} body={body} classes={scales.data?.find((s) => s.body === body)?.classes ?? []} />
        ))}
    </>
  );
}

function GradeScaleForm({ body, classes }: { body: SessionBody; classes: GradeClass[] }) {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ classes: GradeClass[] }>();
  useEffect(() => form.setFieldsValue({ classes }), [classes, form]);

  const save = useMutation({
    mutationFn: async (values: { classes: GradeClass[] }) =>
      unwrap(
        await api.PUT('/grade-scales/{body}', {
          params: { path: { body } },
          body: {
            classes: values.classes.map((g) => ({
              grade: g.grade.trim().toUpperCase(),
              label: g.label.trim(),
              meaning: (g.meaning ?? '').trim(),
            })),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(c.saved);
      void queryClient.invalidateQueries({ queryKey: ['grade-scales'] });
    },
    onError: (error) => fail(error, form),
  });

  return (
    <Card size="small" title={c[`body.${body}`]} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" name={`grades-${body}`} onFinish={(values) => save.mutate(values)}>
        <Form.List name="classes">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'grade']}
                    label={w.grade(index + 1)}
                    rules={[{ required: true, pattern: /^[A-Z]$/, message: w.gradeFormat }]}
                  >
                    <Input maxLength={1} style={{ width: 60 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    label={w.gradeLabel(index + 1)}
                    rules={[{ required: true, whitespace: true, message: c.required }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'meaning']} label={w.gradeMeaning(index + 1)}>
                    <Input maxLength={500} style={{ minWidth: 280 }} />
                  </Form.Item>
                  <Button
                    danger
                    style={{ marginTop: 30 }}
                    onClick={() => remove(field.name)}
                    aria-label={`${c.remove} ${w.grade(index + 1)}`}
                  >
                    {c.remove}
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Space>
                <Button onClick={() => add({ grade: '', label: '', meaning: '' })} disabled={fields.length >= 6}>
                  {w.addGrade}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {c.save}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

interface SeriesValues {
  prefix: string;
  year: number;
  lastNumber: number;
}

function NumberSeries() {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SeriesValues>();
  const series = useQuery({
    queryKey: ['document-number-series'],
    queryFn: async () => unwrap(await api.GET('/document-number-series')),
  });
  const save = useMutation({
    mutationFn: async (values: SeriesValues) =>
      unwrap(
        await api.PUT('/document-number-series', {
          body: { prefix: values.prefix.trim(), year: values.year, lastNumber: values.lastNumber },
        }),
      ),
    onSuccess: (saved) => {
      void message.success(w.next(saved.prefix, saved.year, saved.lastNumber + 1));
      void queryClient.invalidateQueries({ queryKey: ['document-number-series'] });
    },
    onError: (error) => fail(error, form, { DOCUMENT_NUMBER_SERIES_BACKWARDS: 'lastNumber' }),
  });
  const columns: ColumnsType<DocumentNumberSeries> = [
    { title: w.prefix, dataIndex: 'prefix' },
    { title: w.seriesYear, dataIndex: 'year' },
    { title: w.lastNumber, dataIndex: 'lastNumber' },
    { title: w.updatedAt, dataIndex: 'updatedAt', render: (value: string) => new Date(value).toLocaleString() },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, s) => (
        <Button
          size="small"
          aria-label={`${w.continueSeries} ${s.prefix} ${s.year}`}
          onClick={() => form.setFieldsValue({ prefix: s.prefix, year: s.year, lastNumber: s.lastNumber })}
        >
          {w.continueSeries}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{w.seriesHint}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        name="number-series"
        initialValues={{ year: new Date().getFullYear(), lastNumber: 0 }}
        onFinish={(values) => save.mutate(values)}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="prefix" label={w.prefix} rules={[{ required: true, whitespace: true, message: c.required }]}>
          <Input maxLength={20} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="year" label={w.seriesYear} rules={[{ required: true, message: c.required }]}>
          <InputNumber min={1949} max={2200} />
        </Form.Item>
        <Form.Item name="lastNumber" label={w.lastNumber} rules={[{ required: true, message: c.required }]}>
          <InputNumber min={0} max={99999} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {w.continueSeries}
        </Button>
      </Form>
      {series.isError ? (
        <LoadError error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <Table<DocumentNumberSeries>
          rowKey={(s) => `${s.prefix}:${s.year}`}
          columns={columns}
          dataSource={series.data ?? []}
          loading={series.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: w.noSeries }}
        />
      )}
    </>
  );
}
