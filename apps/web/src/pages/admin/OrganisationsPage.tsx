import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { type Organisation, type OrganisationKind, ORGANISATION_KINDS } from './admin-types';
import { useApiFailure } from './api-feedback';
import { BureauSettingsDrawer } from './BureauSettings';
import { commonWords } from './common-words';
import { useOrganisations } from './queries';

export const organisationWords = defineMessages(
  {
    title: '机构',
    hint: '承办单位、提案委/选工委、督查机构和系统管理机构。承办单位的发文字号前缀用于签发时取号；电子邮箱和通信地址用于抄送答复件。',
    newOrganisation: '新建机构',
    editOrganisation: (name: string) => `编辑机构：${name}`,
    name: '名称',
    shortName: '简称',
    kind: '类型',
    kindFixed: '类型创建后不能更改',
    prefix: '发文字号前缀',
    prefixHelp: '如“三民文”，文号为 三民文〔2026〕1号；只有承办单位有',
    prefixKept: '前缀不能清空（API 不支持），只能改为新的前缀',
    email: '电子邮箱',
    emailHelp: '抄送给本机构的答复件发到这个地址；清空则不再发邮件',
    postalAddress: '通信地址',
    postalAddressHelp: '没有电子邮箱时，抄送件按此地址邮寄',
    settings: '审核流程与公文格式',
    created: (name: string) => `已新建机构 ${name}`,
    empty: '还没有机构',
  },
  {
    title: 'Organisations',
    hint: "Bureaus, the proposal and personnel committees, supervision offices and the system's own office. A bureau's document-number prefix numbers its replies at sign-off; the e-mail and postal address receive the copies of replies cc'd to it.",
    newOrganisation: 'New organisation',
    editOrganisation: (name: string) => `Edit organisation: ${name}`,
    name: 'Name',
    shortName: 'Short name',
    kind: 'Kind',
    kindFixed: 'The kind cannot change once created',
    prefix: 'Document-number prefix',
    prefixHelp: 'e.g. 三民文, giving 三民文〔2026〕1号; bureaus only',
    prefixKept: 'The prefix cannot be cleared (the API does not allow it), only changed',
    email: 'E-mail',
    emailHelp: 'Copies of replies cc’d to it are e-mailed here; clear it to stop e-mail',
    postalAddress: 'Postal address',
    postalAddressHelp: 'Without an e-mail address, copies go here by post',
    settings: 'Review chain and letter format',
    created: (name: string) => `Organisation ${name} created`,
    empty: 'No organisations yet',
  },
);

interface OrganisationValues {
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  documentNumberPrefix?: string;
  email?: string;
  postalAddress?: string;
}

const CODE_FIELDS = {
  ORGANISATION_NAME_TAKEN: 'name',
  DOCUMENT_NUMBER_PREFIX_NOT_ALLOWED: 'documentNumberPrefix',
};

/** Organisations: the list, create and edit in a drawer, and each bureau's review chain and letter settings. */
export function OrganisationsPage() {
  const w = useMessages(organisationWords);
  const c = useMessages(commonWords);
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [settingsOf, setSettingsOf] = useState<Organisation | null>(null);

  const columns: ColumnsType<Organisation> = [
    { title: w.name, dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
    { title: w.shortName, dataIndex: 'shortName' },
    {
      title: w.kind,
      dataIndex: 'kind',
      filters: ORGANISATION_KINDS.map((kind) => ({ text: c[`kind.${kind}`], value: kind })),
      onFilter: (value, o) => o.kind === value,
      render: (kind: OrganisationKind) => <Tag>{c[`kind.${kind}`]}</Tag>,
    },
    { title: w.prefix, dataIndex: 'documentNumberPrefix' },
    { title: w.email, dataIndex: 'email' },
    { title: w.postalAddress, dataIndex: 'postalAddress', ellipsis: true },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, o) => (
        <Space>
          <Button size="small" onClick={() => setEditing(o)} aria-label={`${c.edit} ${o.name}`}>
            {c.edit}
          </Button>
          {o.kind === 'bureau' && (
            <Button size="small" onClick={() => setSettingsOf(o)} aria-label={`${w.settings} ${o.name}`}>
              {w.settings}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {w.title}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {w.newOrganisation}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{w.hint}</Typography.Paragraph>
      {organisations.isError ? (
        <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : (
        <Table<Organisation>
          rowKey="id"
          columns={columns}
          dataSource={organisations.data ?? []}
          loading={organisations.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: w.empty }}
        />
      )}
      {editing && (
        <OrganisationDrawer organisation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {settingsOf && <BureauSettingsDrawer bureau={settingsOf} onClose={() => setSettingsOf(null)} />}
    </Card>
  );
}

function OrganisationDrawer({ organisation, onClose }: { organisation: Organisation | null; onClose: () => void }) {
  const { api } = useSession();
  const w = useMessages(organisationWords);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganisationValues>();
  const kind = Form.useWatch('kind', form) ?? organisation?.kind;

  const save = useMutation({
    mutationFn: async (values: OrganisationValues) => {
      const text = (value: string | undefined) => value?.trim() ?? '';
      const prefix = kind === 'bureau' ? text(values.documentNumberPrefix) : '';
      if (!organisation) {
        return unwrap(
          await api.POST('/organisations', {
            body: {
              name: text(values.name),
              kind: values.kind,
              ...(text(values.shortName) ? { shortName: text(values.shortName) } : {}),
              ...(prefix ? { documentNumberPrefix: prefix } : {}),
              ...(text(values.email) ? { email: text(values.email) } : {}),
              ...(text(values.postalAddress) ? { postalAddress: text(values.postalAddress) } : {}),
            },
          }),
        );
      }
      return unwrap(
        await api.PATCH('/organisations/{id}', {
          params: { path: { id: organisation.id } },
          body: {
            name: text(values.name),
            shortName: text(values.shortName),
            // The API refuses an empty prefix: a bureau's prefix is only ever changed.
            ...(prefix ? { documentNumberPrefix: prefix } : {}),
            email: text(values.email),
            postalAddress: text(values.postalAddress),
          },
        }),
      );
    },
    onSuccess: (saved) => {
      void message.success(organisation ? c.saved : w.created(saved.name));
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
    onError: (error) => fail(error, form, CODE_FIELDS),
  });

  return (
    <Drawer
      open
      title={organisation ? w.editOrganisation(organisation.name) : w.newOrganisation}
      size={520}
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
      <Form<OrganisationValues>
        form={form}
        layout="vertical"
        name="organisation"
        initialValues={
          organisation
            ? {
                name: organisation.name,
                shortName: organisation.shortName ?? '',
                kind: organisation.kind,
                documentNumberPrefix: organisation.documentNumberPrefix ?? '',
                email: organisation.email ?? '',
                postalAddress: organisation.postalAddress ?? '',
              }
            : { kind: 'bureau' }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={w.name} rules={[{ required: true, whitespace: true, message: c.required }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={w.shortName}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={w.kind}
          extra={organisation ? w.kindFixed : undefined}
          rules={[{ required: true }]}
        >
          <Select
            disabled={organisation !== null}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: c[`kind.${k}`] }))}
          />
        </Form.Item>
        {kind === 'bureau' && (
          <Form.Item
            name="documentNumberPrefix"
            label={w.prefix}
            extra={organisation?.documentNumberPrefix ? `${w.prefixHelp}。${w.prefixKept}` : w.prefixHelp}
          >
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="email" label={w.email} extra={w.emailHelp} rules={[{ type: 'email' }]}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="postalAddress" label={w.postalAddress} extra={w.postalAddressHelp}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
