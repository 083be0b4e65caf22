import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { registrarMessages } from './messages';
import { checkPlan, type PlannedLine, type PlanProblem } from './plan';
import { useShowError } from './shared';
import { ASSIGNMENT_ROLES, type AssignmentRole, type AssignmentView, type Organisation } from './types';

interface AssignForm {
  plan: PlannedLine[];
  assignedOn?: string;
}

/** 交办: bureaus with their roles, checked against the API's rules before POST /proposals/{id}/assignments. */
export function AssignmentForm({
  proposalId,
  existing,
  bureaus,
}: {
  proposalId: string;
  existing: readonly AssignmentView[];
  bureaus: readonly Organisation[];
}) {
  const m = useMessages(registrarMessages);
  const { t } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignForm>();
  const [problem, setProblem] = useState<PlanProblem | null>(null);
  const hasLead = existing.some((a) => a.role === 'lead' && a.status !== 'reassigned' && a.status !== 'withdrawn');
  const bureauName = new Map(bureaus.map((b) => [b.id, b.name]));

  const assign = useMutation({
    mutationFn: async (values: AssignForm) =>
      unwrap(
        await api.POST('/proposals/{id}/assignments', {
          params: { path: { id: proposalId } },
          body: {
            assignments: values.plan.map((line) => ({
              bureauId: line.bureauId as string,
              role: line.role as AssignmentRole,
            })),
            assignedOn: values.assignedOn || undefined,
          },
        }),
      ),
    onSuccess: (made) => {
      void message.success(m.assigned(made.length));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
    },
    onError: showError,
  });

  const describe = (p: PlanProblem): string => {
    switch (p.kind) {
      case 'empty':
        return m['plan.empty'];
      case 'incomplete':
        return m['plan.incomplete'];
      case 'bureau_repeated':
        return m['plan.bureauRepeated'](p.bureauIds.map((id) => bureauName.get(id) ?? id).join('、'));
      case 'lead_exists':
        return m['plan.leadExists'];
      case 'lead_required':
        return m['plan.leadRequired'];
    }
  };

  return (
    <Form<AssignForm>
      form={form}
      name="assign"
      layout="vertical"
      initialValues={{ plan: [{ role: hasLead ? 'co' : 'lead' }] }}
      onValuesChange={() => setProblem(null)}
      onFinish={(values) => {
        const plan = values.plan ?? [];
        const found = checkPlan(plan, existing);
        setProblem(found);
        if (!found) assign.mutate({ ...values, plan });
      }}
    >
      <Form.List name="plan">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="end" wrap role="group" aria-label={m.bureauIndex(index + 1)}>
                <Form.Item name={[field.name, 'bureauId']} label={m['assign.bureau']}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 280 }}
                    options={bureaus.map((b) => ({ value: b.id, label: b.name }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} label={m['assign.role']}>
                  <Select
                    style={{ width: 120 }}
                    options={ASSIGNMENT_ROLES.map((role) => ({ value: role, label: t[`assignmentRole.${role}`] }))}
                  />
                </Form.Item>
                <Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`${m.removeBureau}（${m.bureauIndex(index + 1)}）`}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Space>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'co' })}>
                {m.addBureau}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item name="assignedOn" label={m['assign.assignedOn']} extra={m['assign.assignedOnHint']}>
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
      {problem && <Alert type="error" showIcon role="alert" title={describe(problem)} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {m.assignButton}
      </Button>
    </Form>
  );
}
