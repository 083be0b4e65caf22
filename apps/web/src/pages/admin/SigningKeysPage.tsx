import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useMessages } from '../../i18n/i18n';
import type { SigningCredential } from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';
import { useOrganisations } from './queries';

const words = defineMessages(
  {
    title: '签名密钥',
    hint: '正式答复件 PDF 用承办单位的证书做数字签名，任何人都可验证。单位还没有证书时，系统会在第一次签发时自动生成一张自签名证书；如已有 CA 签发的证书，可在这里上传，上传后即成为当前证书，原证书停用。',
    credentials: (name: string) => `${name}的签名证书`,
    subject: '证书主体',
    serial: '序列号',
    fingerprint: 'SHA-256 指纹',
    validity: '有效期',
    validFromTo: (from: string, to: string) => `${from} 至 ${to}`,
    state: '状态',
    active: '当前使用',
    retired: (date: string) => `已停用（${date}）`,
    expired: '已过期',
    notYetValid: '尚未生效',
    selfSigned: '系统自签名',
    empty: '该单位还没有签名证书；第一次签发时系统会自动生成',
    upload: '上传证书',
    uploadHint:
      '均为 PEM 格式文本；可粘贴，也可从文件读入。私钥加密保存，不会再次显示。不支持 PKCS#12（.p12/.pfx）文件，请先转换为 PEM。',
    certificate: '证书（PEM）',
    privateKey: '私钥（PEM，PKCS#8 或 PKCS#1）',
    chain: '中间证书（PEM，可不填，可含多张）',
    readFile: (what: string) => `从文件读入${what}`,
    uploaded: '证书已上传并启用',
    certificateFormat: '须以 -----BEGIN CERTIFICATE----- 开头',
    keyFormat: '须以 -----BEGIN PRIVATE KEY----- 或 -----BEGIN RSA/EC PRIVATE KEY----- 开头',
  },
  {
    title: 'Signing keys',
    hint: "Final reply PDFs carry a digital signature with the bureau's certificate that anyone can verify. A bureau without one gets a self-signed certificate made at its first sign-off; a certificate issued by a CA can be uploaded here, becoming the current one and retiring the previous.",
    credentials: (name: string) => `Signing certificates of ${name}`,
    subject: 'Subject',
    serial: 'Serial number',
    fingerprint: 'SHA-256 fingerprint',
    validity: 'Valid',
    validFromTo: (from: string, to: string) => `${from} to ${to}`,
    state: 'State',
    active: 'In use',
    retired: (date: string) => `Retired (${date})`,
    expired: 'Expired',
    notYetValid: 'Not yet valid',
    selfSigned: 'Self-signed by the system',
    empty: 'This bureau has no signing certificate yet; one is made at its first sign-off',
    upload: 'Upload a certificate',
    uploadHint:
      'All PEM text: paste it or read it from a file. The private key is stored sealed and never shown again. PKCS#12 (.p12/.pfx) files are not taken; convert them to PEM first.',
    certificate: 'Certificate (PEM)',
    privateKey: 'Private key (PEM, PKCS#8 or PKCS#1)',
    chain: 'Intermediate certificates (PEM, optional, several allowed)',
    readFile: (what: string) => `Read the ${what} from a file`,
    uploaded: 'Certificate uploaded and in use',
    certificateFormat: 'Must start with -----BEGIN CERTIFICATE-----',
    keyFormat: 'Must start with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----',
  },
);

interface UploadValues {
  certificatePem: string;
  privateKeyPem: string;
  chainPem?: string;
}

/** The PEM blocks of a text holding several certificates. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function day(value: string): string {
  return value.slice(0, 10);
}

/** Per bureau: its signing certificates (which is in use, validity) and the upload of a new one. */
export function SigningKeysPage() {
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const organisations = useOrganisations();
  const bureaus = (organisations.data ?? []).filter((o) => o.kind === 'bureau');
  const [chosen, setChosen] = useState<string | undefined>();
  const bureauId = chosen ?? bureaus[0]?.id;
  const bureau = bureaus.find((b) => b.id === bureauId);

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {w.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{w.hint}</Typography.Paragraph>
      {organisations.isError ? (
        <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : (
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="signing-bureau">{c.bureau}</label>
          <Select
            id="signing-bureau"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 260 }}
            placeholder={c.chooseBureau}
            loading={organisations.isPending}
            value={bureauId}
            onChange={setChosen}
            options={bureaus.map((b) => ({ value: b.id, label: b.name }))}
            notFoundContent={c.noBureaus}
          />
        </Space>
      )}
      {bureau && <Credentials key={bureau.id} bureauId={bureau.id} bureauName={bureau.name} />}
    </Card>
  );
}

function Credentials({ bureauId, bureauName }: { bureauId: string; bureauName: string }) {
  const { api } = useSession();
  const w = useMessages(words);
  const credentials = useQuery({
    queryKey: ['signing-credentials', bureauId],
    queryFn: async () =>
      unwrap(await api.GET('/bureaus/{id}/signing-credentials', { params: { path: { id: bureauId } } })),
  });
  const now = new Date().toISOString();

  const columns: ColumnsType<SigningCredential> = [
    {
      title: w.state,
      key: 'state',
      render: (_: unknown, credential) => (
        <Space wrap>
          {credential.retiredAt ? (
            <Tag>{w.retired(day(credential.retiredAt))}</Tag>
          ) : credential.notAfter < now ? (
            <Tag color="red">{w.expired}</Tag>
          ) : credential.notBefore > now ? (
            <Tag color="orange">{w.notYetValid}</Tag>
          ) : (
            <Tag color="green">{w.active}</Tag>
          )}
          {credential.selfSigned && <Tag>{w.selfSigned}</Tag>}
        </Space>
      ),
    },
    { title: w.subject, dataIndex: 'subject' },
    {
      title: w.validity,
      key: 'validity',
      render: (_: unknown, credential) => w.validFromTo(day(credential.notBefore), day(credential.notAfter)),
    },
    { title: w.serial, dataIndex: 'serialNumber', ellipsis: true },
    {
      title: w.fingerprint,
      dataIndex: 'fingerprintSha256',
      ellipsis: true,
      render: (fingerprint: string) => (
        <Typography.Text copyable={{ text: fingerprint }}>{fingerprint}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={5}>{w.credentials(bureauName)}</Typography.Title>
      {credentials.isError ? (
        <LoadError error={credentials.error} onRetry={() => void credentials.refetch()} />
      ) : (
        <Table<SigningCredential>
          rowKey="id"
          columns={columns}
          dataSource={credentials.data ?? []}
          loading={credentials.isPending}
          pagination={false}
          locale={{ emptyText: w.empty }}
        />
      )}
      <UploadCredential bureauId={bureauId} />
    </>
  );
}

function PemField({ name, label, required }: { name: keyof UploadValues; label: string; required?: boolean }) {
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const form = Form.useFormInstance<UploadValues>();
  const rules = [
    ...(required ? [{ required: true, message: c.required }] : []),
    ...(name === 'certificatePem' ? [{ pattern: /-----BEGIN CERTIFICATE-----/, message: w.certificateFormat }] : []),
    ...(name === 'privateKeyPem' ? [{ pattern: /-----BEGIN (RSA |EC )?PRIVATE KEY-----/, message: w.keyFormat }] : []),
  ];
  const fileId = `pem-file-${name}`;
  return (
    <>
      <Form.Item name={name} label={label} rules={rules}>
        <Input.TextArea rows={5} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <div style={{ marginTop: -16, marginBottom: 16 }}>
        <label htmlFor={fileId}>{w.readFile(label)}</label>{' '}
        <input
          id={fileId}
          type="file"
          accept=".pem,.crt,.cer,.key,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then((text) => form.setFieldValue(name, text));
          }}
        />
      </div>
    </>
  );
}

function UploadCredential({ bureauId }: { bureauId: string }) {
  const { api } = useSession();
  const w = useMessages(words);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UploadValues>();

  const upload = useMutation({
    mutationFn: async (values: UploadValues) => {
      const chain = pemCertificates(values.chainPem ?? '');
      return unwrap(
        await api.POST('/bureaus/{id}/signing-credentials', {
          params: { path: { id: bureauId } },
          body: {
            certificatePem: values.certificatePem.trim(),
            privateKeyPem: values.privateKeyPem.trim(),
            ...(chain.length > 0 ? { chainPem: chain } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(w.uploaded);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['signing-credentials', bureauId] });
    },
    onError: (error) => fail(error, form),
  });

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {w.upload}
      </Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={w.uploadHint} />
      <Form form={form} layout="vertical" name={`signing-${bureauId}`} onFinish={(values) => upload.mutate(values)}>
        <PemField name="certificatePem" label={w.certificate} required />
        <PemField name="privateKeyPem" label={w.privateKey} required />
        <PemField name="chainPem" label={w.chain} />
        <Button type="primary" htmlType="submit" loading={upload.isPending}>
          {w.upload}
        </Button>
      </Form>
    </>
  );
}
