import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { publicMessages } from './messages';

type Letter = components['schemas']['IssuedLetterDto'];
type Verdict = components['schemas']['VerificationVerdict'];

/** What a check found, as one alert: its kind, its headline, and the facts under it. */
interface Finding {
  type: 'success' | 'warning' | 'error';
  verdict: Verdict | 'voided';
  title: string;
  lines: string[];
}

function FindingAlert({ finding, testId }: { finding: Finding | null; testId: string }) {
  if (!finding) return null;
  return (
    <Alert
      data-testid={testId}
      data-verdict={finding.verdict}
      role="status"
      aria-live="polite"
      type={finding.type}
      showIcon
      title={<strong>{finding.title}</strong>}
      description={finding.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      style={{ marginTop: 16 }}
    />
  );
}

/** Anyone may check a letter: by 文号 (GET /verify/{reference}) or by its PDF (POST /verify). */
export function VerifyPanel() {
  const { api } = useSession();
  const { lang, t: common } = useI18n();
  const t = useMessages(publicMessages);
  const { message } = App.useApp();
  const [byReference, setByReference] = useState<Finding | null>(null);
  const [byUpload, setByUpload] = useState<Finding | null>(null);
  const [checking, setChecking] = useState<'reference' | 'upload' | null>(null);

  const facts = (letter: Letter) => [
    `${letter.documentNumber} · ${t.letterFacts(letter.bureauName, letter.signatoryName, letter.signedOn)}`,
  ];

  const checkReference = async ({ reference }: { reference: string }) => {
    setChecking('reference');
    setByReference(null);
    try {
      const letter = unwrap(
        await api.GET('/verify/{reference}', { params: { path: { reference: reference.trim() } } }),
      );
      setByReference(
        letter.voided
          ? { type: 'warning', verdict: 'voided', title: t.verdictVoided, lines: facts(letter) }
          : { type: 'success', verdict: 'authentic', title: t.verdictValid, lines: facts(letter) },
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        setByReference({ type: 'error', verdict: 'unknown', title: t.verdictUnknown, lines: [reference.trim()] });
      else void message.error(errorMessage(error, lang, common, t.verifyFailed));
    } finally {
      setChecking(null);
    }
  };

  const checkUpload = async (file: File) => {
    setChecking('upload');
    setByUpload(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = unwrap(await api.POST('/verify', { body: form as never }));
      const title =
        result.verdict === 'authentic'
          ? t.verdictAuthentic
          : result.verdict === 'altered'
            ? t.verdictAltered
            : t.verdictUnknown;
      const type = result.verdict === 'authentic' && !result.letter?.voided ? 'success' : 'error';
      setByUpload({
        type,
        verdict: result.verdict === 'authentic' && result.letter?.voided ? 'voided' : result.verdict,
        title: result.letter?.voided ? `${title} · ${t.verdictVoided}` : title,
        lines: [
          lang === 'zh' ? result.zh : result.en,
          ...(result.letter ? facts(result.letter) : []),
          t.sha256(result.sha256),
        ],
      });
    } catch (error) {
      void message.error(errorMessage(error, lang, common, t.verifyFailed));
    } finally {
      setChecking(null);
    }
  };

  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined /> {t.verifyTitle}
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t.verifyHint}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t.byReference}</Typography.Title>
          <Form layout="vertical" onFinish={checkReference} requiredMark={false} name="verify-reference">
            <Form.Item
              label={t.reference}
              name="reference"
              rules={[{ required: true, whitespace: true, message: t.referenceRequired }]}
            >
              <Input placeholder={t.referencePlaceholder} allowClear />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={checking === 'reference'}>
              {t.check}
            </Button>
          </Form>
          <FindingAlert finding={byReference} testId="verify-reference-verdict" />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t.byUpload}</Typography.Title>
          <Upload
            accept="application/pdf,.pdf"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void checkUpload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={checking === 'upload'}>
              {t.chooseFile}
            </Button>
          </Upload>
          <FindingAlert finding={byUpload} testId="verify-upload-verdict" />
        </Col>
      </Row>
    </Card>
  );
}
