import { useEffect, useId, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n';
import type { LetterFormat, LetterSettings, Organisation, ReviewChain, ReviewStep } from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';

const words = defineMessages(
  {
    title: (name: string) => `${name}：审核流程与公文格式`,
    reviewChain: '审核流程',
    reviewChainHint: '答复提交后依次经过这些审核步骤，最后由签发人签发。已在审核中的答复沿用原流程。',
    defaultChain: '尚未单独设置，目前使用默认流程',
    currentChain: '当前流程',
    step: (n: number) => `第 ${n} 步`,
    stepName: (n: number) => `第 ${n} 步名称`,
    stepRole: (n: number) => `第 ${n} 步审核角色`,
    addStep: '添加审核步骤',
    removeStep: (n: number) => `删除第 ${n} 步`,
    moveUp: (n: number) => `第 ${n} 步上移`,
    noSteps: '没有审核步骤：提交后直接由签发人签发',
    letter: '公文格式',
    letterHint: '按 GB/T 9704-2012 排版正式答复件。',
    format: '版式',
    'format.document': '文件格式（红头、文号居中）',
    'format.letter': '信函格式（双红线、文号右对齐）',
    headerTitle: '发文机关标志',
    headerTitleHelp: '红头上的文字，如“三门峡市民政局文件”',
    printsGradeMark: '首页右上角标注办理结果（如“办理结果：A”）',
    defaults: '尚未设置，目前使用默认格式',
    seal: '印章图片',
    sealHint: 'PNG 或 JPEG，不超过 2MB、4000×4000 像素，印在落款和日期上。',
    hasSeal: '已上传印章',
    noSeal: '未上传印章',
    sealFile: '选择印章图片文件',
    uploadSeal: '上传印章',
    removeSeal: '删除印章',
    confirmRemoveSeal: '删除印章图片？之后生成的答复件将不带印章。',
    sealUploaded: '印章已上传',
    sealRemoved: '印章已删除',
    noSealPreview: '（API 不提供印章图片的下载，这里无法预览。）',
  },
  {
    title: (name: string) => `${name}: review chain and letter format`,
    reviewChain: 'Review chain',
    reviewChainHint:
      'A submitted reply passes these review steps in order, then the signatory signs it off. Replies already in review keep their chain.',
    defaultChain: 'Not set for this bureau: the default chain applies',
    currentChain: 'Current chain',
    step: (n: number) => `Step ${n}`,
    stepName: (n: number) => `Step ${n} name`,
    stepRole: (n: number) => `Step ${n} reviewer role`,
    addStep: 'Add a review step',
    removeStep: (n: number) => `Remove step ${n}`,
    moveUp: (n: number) => `Move step ${n} up`,
    noSteps: 'No review steps: a submitted reply goes straight to the signatory',
    letter: 'Letter format',
    letterHint: 'Final letters are set by GB/T 9704-2012.',
    format: 'Format',
    'format.document': 'Document format (red header, number centred)',
    'format.letter': 'Letter format (double red rules, number flush right)',
    headerTitle: 'Issuer mark',
    headerTitleHelp: 'The words of the red header, e.g. 三门峡市民政局文件',
    printsGradeMark: 'Print the grade mark (办理结果：A) at the top right of page 1',
    defaults: 'Not set yet: the defaults apply',
    seal: 'Seal image',
    sealHint: 'PNG or JPEG of at most 2 MB and 4000 × 4000 pixels, printed over the issuer and date.',
    hasSeal: 'Seal uploaded',
    noSeal: 'No seal',
    sealFile: 'Choose the seal image file',
    uploadSeal: 'Upload seal',
    removeSeal: 'Delete seal',
    confirmRemoveSeal: 'Delete the seal image? Letters made from now on carry no seal.',
    sealUploaded: 'Seal uploaded',
    sealRemoved: 'Seal deleted',
    noSealPreview: '(The API offers no download of the seal image, so it cannot be shown here.)',
  },
);

/** A bureau's review chain and letter settings (with its seal), in tabs. */
export function BureauSettingsDrawer({ bureau, onClose }: { bureau: Organisation; onClose: () => void }) {
  const w = useMessages(words);
  return (
    <Drawer open title={w.title(bureau.name)} size={640} onClose={onClose}>
      <Tabs
        items={[
          { key: 'chain', label: w.reviewChain, children: <ReviewChainEditor bureauId={bureau.id} /> },
          { key: 'letter', label: w.letter, children: <LetterSettingsEditor bureauId={bureau.id} /> },
        ]}
      />
    </Drawer>
  );
}

export function ReviewChainEditor({ bureauId }: { bureauId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ steps: ReviewStep[] }>();
  const chain = useQuery({
    queryKey: ['review-chain', bureauId],
    queryFn: async () => unwrap(await api.GET('/bureaus/{id}/review-chain', { params: { path: { id: bureauId } } })),
  });
  useEffect(() => {
    if (chain.data) form.setFieldsValue({ steps: chain.data.steps });
  }, [chain.data, form]);

  const save = useMutation({
    mutationFn: async ({ steps }: { steps: ReviewStep[] }) =>
      unwrap(
        await api.PUT('/bureaus/{id}/review-chain', {
          params: { path: { id: bureauId } },
          body: { steps: steps.map((s) => ({ name: s.name.trim(), role: s.role })) },
        }),
      ),
    onSuccess: (saved: ReviewChain) => {
      void message.success(c.saved);
      queryClient.setQueryData(['review-chain', bureauId], saved);
      void queryClient.invalidateQueries({ queryKey: ['review-chain', bureauId] });
    },
    onError: (error) => fail(error, form),
  });

  if (chain.isError) return <LoadError error={chain.error} onRetry={() => void chain.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{w.reviewChainHint}</Typography.Paragraph>
      {chain.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={chain.data.configured ? 'info' : 'warning'}
          title={`${w.currentChain}：${chain.data.description}`}
          description={chain.data.configured ? undefined : w.defaultChain}
        />
      )}
      <Form form={form} layout="vertical" name={`review-chain-${bureauId}`} onFinish={(values) => save.mutate(values)}>
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph>{w.noSteps}</Typography.Paragraph>}
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Tag style={{ marginTop: 6 }}>{w.step(index + 1)}</Tag>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={w.stepName(index + 1)}
                    rules={[{ required: true, whitespace: true, message: c.required }]}
                  >
                    <Input maxLength={50} placeholder="科室审核" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} label={w.stepRole(index + 1)} rules={[{ required: true }]}>
                    <Select
                      style={{ minWidth: 120 }}
                      options={(['reviewer', 'signatory'] as const).map((r) => ({ value: r, label: t[`role.${r}`] }))}
                    />
                  </Form.Item>
                  <Space style={{ marginTop: 30 }}>
                    <Button
                      size="small"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={w.moveUp(index + 1)}
                    >
                      ↑
                    </Button>
                    <Button size="small" danger onClick={() => remove(field.name)} aria-label={w.removeStep(index + 1)}>
                      {c.remove}
                    </Button>
                  </Space>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ name: '', role: 'reviewer' })}>{w.addStep}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={chain.isPending}>
          {c.save}
        </Button>
      </Form>
    </>
  );
}

interface LetterValues {
  format: LetterFormat;
  headerTitle: string;
  printsGradeMark: boolean;
}

export function LetterSettingsEditor({ bureauId }: { bureauId: string }) {
  const { api, upload } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LetterValues>();
  const [sealFile, setSealFile] = useState<File | null>(null);
  const fileInputId = useId();
  const key = ['letter-settings', bureauId];
  const settings = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/bureaus/{id}/letter-settings', { params: { path: { id: bureauId } } })),
  });
  useEffect(() => {
    if (settings.data) {
      const { format, headerTitle, printsGradeMark } = settings.data;
      form.setFieldsValue({ format, headerTitle, printsGradeMark });
    }
  }, [settings.data, form]);

  const saved = (next: LetterSettings, text: string) => {
    void message.success(text);
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: key });
  };

  const save = useMutation({
    mutationFn: async (values: LetterValues) =>
      unwrap(
        await api.PUT('/bureaus/{id}/letter-settings', {
          params: { path: { id: bureauId } },
          body: {
            format: values.format,
            headerTitle: values.headerTitle.trim(),
            printsGradeMark: values.printsGradeMark,
            version: settings.data?.version ?? 0,
          },
        }),
      ),
    onSuccess: (next) => saved(next, c.saved),
    onError: (error) => {
      fail(error, form);
      // A stale version: someone saved meanwhile; read theirs before trying again.
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const uploadSeal = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return (await upload(`/bureaus/${bureauId}/letter-settings/seal`, body, 'PUT')) as LetterSettings;
    },
    onSuccess: (next) => {
      setSealFile(null);
      saved(next, w.sealUploaded);
    },
    onError: (error) => fail(error),
  });

  const removeSeal = useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/bureaus/{id}/letter-settings/seal', { params: { path: { id: bureauId } } })),
    onSuccess: (next) => saved(next, w.sealRemoved),
    onError: (error) => fail(error),
  });

  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {w.letterHint}
        {settings.data && !settings.data.configured && ` ${w.defaults}`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name={`letter-${bureauId}`} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="format" label={w.format} rules={[{ required: true }]}>
          <Radio.Group
            options={(['document', 'letter'] as const).map((f) => ({ value: f, label: w[`format.${f}`] }))}
          />
        </Form.Item>
        <Form.Item
          name="headerTitle"
          label={w.headerTitle}
          extra={w.headerTitleHelp}
          rules={[{ required: true, whitespace: true, message: c.required }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="printsGradeMark" label={w.printsGradeMark} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={settings.isPending}>
          {c.save}
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {w.seal}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {w.sealHint} {w.noSealPreview}
      </Typography.Paragraph>
      <Space orientation="vertical">
        {settings.data && (
          <Tag color={settings.data.hasSeal ? 'green' : 'default'}>{settings.data.hasSeal ? w.hasSeal : w.noSeal}</Tag>
        )}
        <label htmlFor={fileInputId}>{w.sealFile}</label>
        <input
          id={fileInputId}
          type="file"
          accept="image/png,image/jpeg"
          onChange={(event) => setSealFile(event.target.files?.[0] ?? null)}
        />
        <Space>
          <Button
            type="primary"
            disabled={!sealFile}
            loading={uploadSeal.isPending}
            onClick={() => sealFile && uploadSeal.mutate(sealFile)}
          >
            {w.uploadSeal}
          </Button>
          {settings.data?.hasSeal && (
            <Popconfirm
              title={w.confirmRemoveSeal}
              okText={w.removeSeal}
              cancelText={c.cancel}
              onConfirm={() => removeSeal.mutate()}
            >
              <Button danger loading={removeSeal.isPending}>
                {w.removeSeal}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </>
  );
}
