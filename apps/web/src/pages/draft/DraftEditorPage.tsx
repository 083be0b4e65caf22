import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { CommentsPanel } from './CommentsPanel';
import * as draft from './draftState';
import { DraftForm } from './DraftForm';
import { type FieldNote, focusField } from './FieldItem';
import { draftMessages } from './messages';
import { SourcesDrawer } from './SourcesDrawer';
import type {
  CoOpinion,
  ContentProblem,
  GradeScale,
  MissingItem,
  ReplyContent,
  ReplyView,
  SimilarReply,
} from './types';
import { VersionsDrawer } from './VersionsDrawer';

/** /replies/:id/draft: loads the reply, then hands it to the editor (a reload starts the editor afresh). */
export function DraftEditorPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [generation, setGeneration] = useState(0);
  const reply = useQuery({
    queryKey: ['reply', id],
    queryFn: async () => unwrap(await api.GET('/replies/{id}', { params: { path: { id } } })),
  });
  const reload = useCallback(async () => {
    await reply.refetch();
    setGeneration((g) => g + 1);
  }, [reply]);

  if (reply.isError) return <LoadError error={reply.error} onRetry={() => void reply.refetch()} />;
  if (reply.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <DraftEditor key={`${id}:${generation}`} initial={reply.data} onReload={reload} />;
}

function detailsOf(error: unknown): { problems?: ContentProblem[]; missing?: MissingItem[] } | undefined {
  if (!(error instanceof ApiError) || !error.body) return undefined;
  return (error.body as { details?: { problems?: ContentProblem[]; missing?: MissingItem[] } }).details;
}

function DraftEditor({ initial, onReload }: { initial: ReplyView; onReload: () => Promise<void> }) {
  const m = useMessages(draftMessages);
  const { t, lang } = useI18n();
  const { api, user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const id = initial.id;

  const [base, setBase] = useState<ReplyView>(initial);
  const [content, setContent] = useState<ReplyContent>(initial.content);
  const [problems, setProblems] = useState<ContentProblem[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [drawer, setDrawer] = useState<'versions' | 'sources' | null>(null);

  const roles = user?.roles ?? [];
  const editable = draft.canEdit(roles, base.status);
  const dirty = draft.isDirty(base.content, content);
  const update = useCallback((change: (c: ReplyContent) => ReplyContent) => setContent((c) => change(c)), []);

  const scales = useQuery({
    queryKey: ['grade-scales'],
    queryFn: async () => unwrap(await api.GET('/grade-scales')) as GradeScale[],
  });
  const proposal = useQuery({
    queryKey: ['proposal', base.proposalId],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/proposals/{id}', { params: { path: { id: base.proposalId } } })),
  });
  const completenessKey = ['reply', id, 'completeness', base.version];
  const completeness = useQuery({
    queryKey: completenessKey,
    enabled: base.status === 'drafting',
    queryFn: async () => unwrap(await api.GET('/replies/{id}/completeness', { params: { path: { id } } })),
  });
  const comments = useQuery({
    queryKey: ['reply', id, 'comments'],
    queryFn: async () => unwrap(await api.GET('/replies/{id}/comments', { params: { path: { id } } })),
  });

  const body = draft.bodyOf(proposal.data?.kind ?? null, base.content.addressees.title);
  const gradeClasses = draft.gradeClassesFor(scales.data ?? [], body);
  const missing = completeness.data;
  const local = draft.localProblems(content);

  const notesFor = useMemo(() => {
    const missingAt = draft.missingByField(missing ?? []);
    const problemsAt = draft.problemsByField(problems);
    const localAt = draft.byField(local, (p) => p.field);
    return (field: draft.FieldKey): FieldNote[] => {
      const notes: FieldNote[] = [];
      for (const p of localAt.get(field) ?? []) {
        if (p.problem === 'disclosure_reason_required')
          notes.push({ key: p.problem, text: m.reasonRequired, level: 'error' });
        else if (attempted) notes.push({ key: p.problem, text: m.headingBlank, level: 'error' });
      }
      problemsAt.get(field)?.forEach((p, i) => notes.push({ key: `problem-${i}`, text: p[lang], level: 'error' }));
      missingAt.get(field)?.forEach((item, i) => {
        if (item.item === 'disclosure_reason' && notes.length > 0) return;
        notes.push({ key: `missing-${i}`, text: item[lang], level: 'warning' });
      });
      return notes;
    };
  }, [missing, problems, local, attempted, lang, m]);

  const commentsAt = useMemo(
    () => draft.byField(comments.data ?? [], (c) => draft.fieldOfAnchor(c.anchor)),
    [comments.data],
  );

  const save = useCallback(async () => {
    if (!editable || busy) return;
    const blocking = draft.localProblems(content);
    if (blocking.length > 0) {
      setAttempted(true);
      void message.error(m.saveBlocked);
      focusField(blocking[0].field);
      return;
    }
    setBusy('save');
    try {
      const saved = unwrap(
        await api.PUT('/replies/{id}/draft', {
          params: { path: { id } },
          body: draft.buildSaveBody(base.version, content),
        }),
      );
      setBase(saved);
      setProblems([]);
      setConflict(null);
      setSubmitError(null);
      queryClient.setQueryData(['reply', id], saved);
      void message.success(m.saved);
    } catch (error) {
      const text = errorMessage(error, lang, t, m.actionFailed);
      if (error instanceof ApiError && error.status === 409 && error.body?.code === 'REPLY_VERSION_CONFLICT') {
        setConflict(text);
      }
      setProblems(detailsOf(error)?.problems ?? []);
      void message.error(text);
    } finally {
      setBusy(null);
    }
  }, [editable, busy, content, api, id, base.version, queryClient, message, m, lang, t]);

  const submit = async () => {
    setBusy('submit');
    try {
      const submitted = unwrap(
        await api.POST('/replies/{id}/submit', { params: { path: { id } }, body: { version: base.version } }),
      );
      setBase(submitted);
      setContent(submitted.content);
      setSubmitError(null);
      queryClient.setQueryData(['reply', id], submitted);
      void queryClient.invalidateQueries({ queryKey: ['replies', 'inbox'] });
      void message.success(m.submitted);
    } catch (error) {
      const text = errorMessage(error, lang, t, m.actionFailed);
      setSubmitError(text);
      const refused = detailsOf(error)?.missing;
      if (refused) queryClient.setQueryData(completenessKey, refused);
      void message.error(text);
    } finally {
      setBusy(null);
    }
  };

  // Ctrl+S / ⌘S saves; leaving the page with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);

  const insertSection = (reply: SimilarReply, sectionIndex: number) => {
    update((c) => draft.insertSimilarSection(c, reply, sectionIndex));
    void message.success(m.inserted);
  };
  const insertOpinion = (opinion: CoOpinion) => {
    update((c) => draft.insertCoOpinion(c, opinion));
    void message.success(m.inserted);
  };

  const submission = draft.canSubmit(editable, dirty, missing);
  const when = new Date(base.lastSavedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <div>
            {roles.includes('clerk') && <Link to="/drafts">{m.backToDrafts}</Link>}
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="draft-title">
              {m.pageTitle(base.proposalNumber, base.proposalTitle)}
            </Typography.Title>
            <Flex gap={4} wrap align="center">
              <Tag color="processing" data-testid="reply-status">
                {t[`replyStatus.${base.status}`]}
                {base.currentStepName ? ` · ${base.currentStepName}` : ''}
              </Tag>
              <Tag data-testid="reply-version">{m.version(base.version)}</Tag>
              <Typography.Text type="secondary">
                {m.lastSaved(base.lastSavedByName ?? base.lastSavedBy, when)}
              </Typography.Text>
              {editable && (
                <Tag color={dirty ? 'warning' : 'success'} data-testid="dirty-state" role="status">
                  {dirty ? m.unsaved : m.allSaved}
                </Tag>
              )}
            </Flex>
          </div>
          <Flex gap={8} wrap>
            <Button onClick={() => setDrawer('versions')}>{m.versions}</Button>
            <Button onClick={() => setDrawer('sources')}>{m.sources}</Button>
            {editable && (
              <Button type="primary" onClick={() => void save()} loading={busy === 'save'} disabled={!dirty}>
                {m.save}
              </Button>
            )}
          </Flex>
        </Flex>
        {!editable && (
          <Alert style={{ marginTop: 8 }} type="info" showIcon title={m.readOnly} data-testid="read-only" />
        )}
        {conflict && (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            showIcon
            role="alert"
            data-testid="conflict"
            title={m.conflictTitle}
            description={
              <>
                <div>{conflict}</div>
                <div>{m.conflictHint}</div>
              </>
            }
            action={
              <Button danger onClick={() => void onReload()}>
                {m.loadLatest}
              </Button>
            }
          />
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <DraftForm
            content={content}
            update={update}
            editable={editable}
            gradeClasses={gradeClasses}
            notesFor={notesFor}
            commentsOn={(field) => commentsAt.get(field)?.length ?? 0}
            defaultTitle={body === 'npc' ? '代表' : '委员'}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            {base.status === 'drafting' && (
              <Card title={m.completenessTitle} size="small" data-testid="completeness">
                <Typography.Text type="secondary">{m.completenessBasis(base.version)}</Typography.Text>
                {completeness.isError ? (
                  <LoadError error={completeness.error} onRetry={() => void completeness.refetch()} />
                ) : missing && missing.length === 0 ? (
                  <Alert type="success" showIcon title={m.complete} style={{ margin: '8px 0' }} />
                ) : (
                  <ul style={{ paddingLeft: 20, margin: '8px 0' }} data-testid="missing-items">
                    {(missing ?? []).map((item, i) => {
                      const field = draft.fieldOfMissing(item.item);
                      return (
                        <li key={i} data-item={item.item}>
                          {item[lang]}{' '}
                          {field !== 'general' && (
                            <Button type="link" size="small" onClick={() => focusField(field)}>
                              {m.showField}
                            </Button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {submission.why && (
                  <Typography.Paragraph type="warning" data-testid="submit-why" id="submit-why">
                    {m[`submitWhy.${submission.why}`]}
                  </Typography.Paragraph>
                )}
                {submitError && (
                  <Alert type="error" showIcon role="alert" title={submitError} style={{ marginBottom: 8 }} />
                )}
                {editable && (
                  <Button
                    type="primary"
                    block
                    disabled={!submission.allowed}
                    aria-describedby={submission.why ? 'submit-why' : undefined}
                    loading={busy === 'submit'}
                    onClick={() => void submit()}
                  >
                    {m.submit}
                  </Button>
                )}
              </Card>
            )}
            {comments.isError ? (
              <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
            ) : (
              <CommentsPanel
                replyId={id}
                comments={comments.data ?? []}
                content={content}
                canAnswer={draft.canAnswer(roles, base.status)}
              />
            )}
          </Flex>
        </Col>
      </Row>

      <VersionsDrawer
        replyId={id}
        currentVersion={base.version}
        open={drawer === 'versions'}
        onClose={() => setDrawer(null)}
      />
      <SourcesDrawer
        replyId={id}
        open={drawer === 'sources'}
        onClose={() => setDrawer(null)}
        editable={editable}
        onInsertSection={insertSection}
        onInsertOpinion={insertOpinion}
      />
    </Flex>
  );
}
