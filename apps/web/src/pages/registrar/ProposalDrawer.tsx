import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { useSessions, useShowError } from './shared';
import { PROPOSAL_KINDS, type Proposal, type ProposalKind, type ProposerInput, type ProposerKind } from './types';

interface ProposerForm {
  name: string;
  kind: ProposerKind;
  phone?: string;
  email?: string;
  address?: string;
}

interface ProposalForm {
  sessionId: string;
  number: number;
  kind?: ProposalKind;
  title: string;
  category?: string;
  receivedOn?: string;
  body?: string;
  proposers: ProposerForm[];
}

/** Empty optional fields are left out: the API validates what it is sent (an empty e-mail is not an e-mail). */
function proposerInput(p: ProposerForm): ProposerInput {
  const text = (value?: string) => value?.trim() || undefined;
  return { name: p.name.trim(), kind: p.kind, phone: text(p.phone), email: text(p.email), address: text(p.address) };
}

function initialValues(proposal: Proposal | 'new', sessionId?: string): Partial<ProposalForm> {
  if (proposal === 'new') return { sessionId, proposers: [{ name: '', kind: 'person' }] };
  return {
    ...proposal,
    category: proposal.category ?? undefined,
    receivedOn: proposal.receivedOn ?? undefined,
    proposers: proposal.proposers.map((p) => ({
      name: p.name,
      kind: p.kind,
      phone: p.phone ?? undefined,
      email: p.email ?? undefined,
      address: p.address ?? undefined,
    })),
  };
}

/** Registers a proposal (POST /proposals) or edits one (PATCH /proposals/{id} with the version read). */
export function ProposalDrawer({
  proposal,
  defaultSessionId,
  onClose,
}: {
  proposal: Proposal | 'new' | null;
  defaultSessionId?: string;
  onClose: () => void;
}) {
  const m = useMessages(registrarMessages);
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const [form] = Form.useForm<ProposalForm>();
  const isNew = proposal === 'new';

  const save = useMutation({
    mutationFn: async (values: ProposalForm) => {
      const common = {
        number: values.number,
        title: values.title.trim(),
        body: values.body ?? '',
        category: values.category?.trim() || undefined,
        receivedOn: values.receivedOn || undefined,
        proposers: values.proposers.map(proposerInput),
      };
      if (proposal === 'new')
        return unwrap(
          await api.POST('/proposals', { body: { ...common, sessionId: values.sessionId, kind: values.kind } }),
        );
      if (!proposal) throw new Error('no proposal');
      return unwrap(
        await api.PATCH('/proposals/{id}', {
          params: { path: { id: proposal.id } },
          body: { ...common, version: proposal.version },
        }),
      );
    },
    onSuccess: () => {
      void message.success(m.saved);
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onClose();
    },
    onError: showError,
  });

  const required = [{ required: true, whitespace: true, message: m.required }];
  return (
    <Drawer
      open={proposal !== null}
      onClose={onClose}
      title={isNew ? m.newProposal : m.editProposal}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{m.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {m.save}
          </Button>
        </Space>
      }
    >
      {proposal !== null && (
        <Form<ProposalForm>
          form={form}
          layout="vertical"
          name="proposal"
          initialValues={initialValues(proposal, defaultSessionId)}
          onFinish={(values) => save.mutate(values)}
        >
          <Form.Item name="sessionId" label={m['proposal.session']} rules={[{ required: true, message: m.required }]}>
            <Select
              disabled={!isNew}
              loading={sessions.isPending}
              options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Space align="start">
            <Form.Item name="number" label={m['proposal.number']} rules={[{ required: true, message: m.required }]}>
              <InputNumber min={1} max={1_000_000} />
            </Form.Item>
            <Form.Item name="kind" label={m['proposal.kind']} tooltip={m['proposal.kindHint']}>
              <Select
                allowClear
                disabled={!isNew}
                style={{ width: 140 }}
                options={PROPOSAL_KINDS.map((kind) => ({ value: kind, label: m[`kind.${kind}`] }))}
              />
            </Form.Item>
            <Form.Item name="category" label={m['proposal.category']}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="receivedOn" label={m['proposal.receivedOn']}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={m['proposal.title']} rules={required}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="body" label={m['proposal.body']}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} />
          </Form.Item>
          <Form.List
            name="proposers"
            rules={[
              {
                validator: async (_rule, value: unknown[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(m.atLeastOneProposer);
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>{m['proposal.proposers']}</legend>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={m.proposerIndex(index + 1)}
                    style={{ marginBottom: 8 }}
                    extra={
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={`${m.removeProposer}（${m.proposerIndex(index + 1)}）`}
                        onClick={() => remove(field.name)}
                      />
                    }
                  >
                    <Space align="start" wrap>
                      <Form.Item name={[field.name, 'name']} label={m['proposer.name']} rules={required}>
                        <Input maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'kind']} label={m['proposer.kind']}>
                        <Select
                          style={{ width: 110 }}
                          options={(['person', 'organisation'] as const).map((kind) => ({
                            value: kind,
                            label: m[`proposerKind.${kind}`],
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'phone']} label={m['proposer.phone']}>
                        <Input maxLength={30} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'email']} label={m['proposer.email']} rules={[{ type: 'email' }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'address']} label={m['proposer.address']}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Space>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', kind: 'person' })}>
                  {m.addProposer}
                </Button>
                <Form.ErrorList errors={errors} />
              </fieldset>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}
