import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { CheckOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Me } from '../../api/types';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { reviewMessages, type ReviewWords } from './messages';
import type { GradeClass, ReplyView, ReviewCommentInput } from './types';

export interface AllowedActions {
  approve: boolean;
  sendBack: boolean;
  signOff: boolean;
}

/**
 * What the user may do with the reply now, as the API's reply lifecycle decides it: only in their
 * own bureau; in review, the role the current step asks for approves or sends back; awaiting
 * sign-off, a signatory signs off or sends back. The API checks again (and refuses an author
 * approving their own text).
 */
export function allowedActions(reply: ReplyView, user: Me | null): AllowedActions {
  const none = { approve: false, sendBack: false, signOff: false };
  if (!user || user.organisation.id !== reply.bureauId) return none;
  if (reply.status === 'in_review') {
    const role = reply.currentStep === null ? undefined : reply.reviewSteps[reply.currentStep]?.role;
    const mine = role !== undefined && user.roles.includes(role);
    return { approve: mine, sendBack: mine, signOff: false };
  }
  if (reply.status === 'awaiting_signoff' && user.roles.includes('signatory')) {
    return { approve: false, sendBack: true, signOff: true };
  }
  return none;
}

/** The parts a comment may point at, in the letter's order: those before the sections, then those after. */
const ANCHORS_BEFORE = ['general', 'title', 'addressees', 'opening', 'preamble'] as const;
const ANCHORS_AFTER = ['closing', 'issuer', 'contact', 'cc', 'disclosure', 'grade'] as const;
const NUMERALS = '一二三四五六七八九十';

/** Where a comment may point (the API's anchors): the whole letter, a part, or a numbered section. */
export function anchorOptions(reply: ReplyView, w: ReviewWords): { value: string; label: string }[] {
  return [
    ...ANCHORS_BEFORE.map((value) => ({ value, label: w[`anchor.${value}`] })),
    ...reply.content.sections.map((section, i) => ({
      value: `section:${i}`,
      label: w.anchorSection(NUMERALS[i] ?? String(i + 1), section.heading),
    })),
    ...ANCHORS_AFTER.map((value) => ({ value, label: w[`anchor.${value}`] })),
  ];
}

/** Approve, send back and sign off, each behind its own dialog; `onDone` gets the reply as it now stands. */
export function ReviewActions({
  reply,
  gradeClasses,
  onDone,
}: {
  reply: ReplyView;
  gradeClasses: readonly GradeClass[];
  onDone: (reply: ReplyView) => void;
}) {
  const { api, user } = useSession();
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const w = useMessages(reviewMessages);
  const [open, setOpen] = useState<'approve' | 'sendBack' | 'signOff' | null>(null);
  const allowed = allowedActions(reply, user);
  const path = { path: { id: reply.id } };

  const fail = (error: unknown) => message.error(errorMessage(error, lang, t, w.actionFailed));
  const done = (next: ReplyView, notice: string) => {
    setOpen(null);
    message.success(notice);
    onDone(next);
  };

  const approve = useMutation({
    mutationFn: async (comment: string) =>
      unwrap(
        await api.POST('/replies/{id}/approve', {
          params: path,
          body: { version: reply.version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      ),
    onSuccess: (next) => done(next, w.approved),
    onError: fail,
  });
  const sendBack = useMutation({
    mutationFn: async (comments: ReviewCommentInput[]) =>
      unwrap(await api.POST('/replies/{id}/send-back', { params: path, body: { version: reply.version, comments } })),
    onSuccess: (next) => done(next, w.sentBack),
    onError: fail,
  });
  const signOff = useMutation({
    mutationFn: async ({ grade, reason }: { grade: string; reason?: string }) => {
      const changed = grade !== reply.content.proposedGrade.grade;
      return unwrap(
        await api.POST('/replies/{id}/sign-off', {
          params: path,
          body: {
            version: reply.version,
            ...(changed ? { grade, gradeChangeReason: reason?.trim() } : {}),
          },
        }),
      );
    },
    onSuccess: (next) => done(next, w.signedWithNumber(next.documentNumber ?? '')),
    onError: fail,
  });

  if (!allowed.approve && !allowed.sendBack && !allowed.signOff) {
    return <Typography.Text type="secondary">{w.readOnly}</Typography.Text>;
  }
  return (
    <>
      <Space wrap>
        {allowed.approve && (
          <Button type="primary" icon={<CheckOutlined />} data-testid="approve" onClick={() => setOpen('approve')}>
            {w.approve}
          </Button>
        )}
        {allowed.signOff && (
          <Button type="primary" icon={<EditOutlined />} data-testid="sign-off" onClick={() => setOpen('signOff')}>
            {w.signOff}
          </Button>
        )}
        {allowed.sendBack && (
          <Button danger icon={<RollbackOutlined />} data-testid="send-back" onClick={() => setOpen('sendBack')}>
            {w.sendBack}
          </Button>
        )}
      </Space>
      {open === 'approve' && (
        <ApproveDialog
          pending={approve.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(comment) => approve.mutate(comment)}
        />
      )}
      {open === 'sendBack' && (
        <SendBackDialog
          reply={reply}
          pending={sendBack.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(comments) => sendBack.mutate(comments)}
        />
      )}
      {open === 'signOff' && (
        <SignOffDialog
          reply={reply}
          gradeClasses={gradeClasses}
          pending={signOff.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(values) => signOff.mutate(values)}
        />
      )}
    </>
  );
}

function ApproveDialog({
  pending,
  onCancel,
  onSubmit,
}: {
  pending: boolean;
  onCancel: () => void;
  onSubmit: (comment: string) => void;
}) {
  const w = useMessages(reviewMessages);
  const [comment, setComment] = useState('');
  return (
    <Modal
      open
      title={w.approveTitle}
      okText={w.approve}
      cancelText={w.cancel}
      okButtonProps={{ 'data-testid': 'approve-confirm' }}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => onSubmit(comment)}
    >
      <Typography.Text>{w.approveComment}</Typography.Text>
      <Input.TextArea
        aria-label={w.approveComment}
        data-testid="approve-comment"
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
    </Modal>
  );
}

interface SendBackForm {
  comments: ReviewCommentInput[];
}

function SendBackDialog({
  reply,
  pending,
  onCancel,
  onSubmit,
}: {
  reply: ReplyView;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (comments: ReviewCommentInput[]) => void;
}) {
  const w = useMessages(reviewMessages);
  const [form] = Form.useForm<SendBackForm>();
  const anchors = anchorOptions(reply, w);
  return (
    <Modal
      open
      width={640}
      title={w.sendBackTitle}
      okText={w.sendBack}
      cancelText={w.cancel}
      okButtonProps={{ danger: true, 'data-testid': 'send-back-confirm' }}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{w.sendBackHint}</Typography.Paragraph>
      <Form<SendBackForm>
        form={form}
        layout="vertical"
        initialValues={{ comments: [{ anchor: 'general', body: '' }] }}
        onFinish={(values) =>
          onSubmit(values.comments.map((comment) => ({ anchor: comment.anchor, body: comment.body.trim() })))
        }
      >
        <Form.List name="comments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'anchor']} label={w.anchor} style={{ width: 180 }}>
                    <Select options={anchors} data-testid={`send-back-anchor-${i}`} aria-label={w.anchor} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'body']}
                    label={w.commentBody}
                    style={{ flex: 1 }}
                    rules={[{ required: true, whitespace: true, message: w.commentRequired }]}
                  >
                    <Input.TextArea
                      rows={2}
                      maxLength={2000}
                      aria-label={`${w.commentBody} ${i + 1}`}
                      data-testid={`send-back-comment-${i}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      aria-label={w.removeComment}
                      icon={<MinusCircleOutlined />}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="send-back-add"
                onClick={() => add({ anchor: 'general', body: '' })}
              >
                {w.addComment}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface SignOffForm {
  grade: string;
  reason?: string;
}

function SignOffDialog({
  reply,
  gradeClasses,
  pending,
  onCancel,
  onSubmit,
}: {
  reply: ReplyView;
  gradeClasses: readonly GradeClass[];
  pending: boolean;
  onCancel: () => void;
  onSubmit: (values: SignOffForm) => void;
}) {
  const w = useMessages(reviewMessages);
  const [form] = Form.useForm<SignOffForm>();
  const proposed = reply.content.proposedGrade.grade ?? undefined;
  const [grade, setGrade] = useState(proposed);
  const changed = grade !== proposed;
  const options = gradeClasses.map((c) => ({ value: c.grade, label: `${c.grade}：${c.label}` }));
  if (proposed && !options.some((o) => o.value === proposed)) options.unshift({ value: proposed, label: proposed });
  const meaning = gradeClasses.find((c) => c.grade === grade)?.meaning;
  return (
    <Modal
      open
      title={w.signOffTitle}
      okText={w.signOff}
      cancelText={w.cancel}
      okButtonProps={{ 'data-testid': 'sign-off-confirm' }}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Alert type="warning" showIcon title={w.signOffHint} style={{ marginBottom: 16 }} />
      <Form<SignOffForm>
        form={form}
        layout="vertical"
        initialValues={{ grade: proposed }}
        onValuesChange={(changes: Partial<SignOffForm>) => changes.grade !== undefined && setGrade(changes.grade)}
        onFinish={onSubmit}
      >
        <Form.Item name="grade" label={w.signOffGrade} extra={meaning} rules={[{ required: true }]}>
          <Select options={options} data-testid="sign-off-grade" aria-label={w.signOffGrade} />
        </Form.Item>
        {changed && (
          <Form.Item
            name="reason"
            label={w.gradeChangeReason}
            rules={[{ required: true, whitespace: true, message: w.gradeChangeReasonRequired }]}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="sign-off-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
