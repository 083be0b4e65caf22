import { File as NodeFile } from 'node:buffer';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders } from '../../test/render';
import { VerifyPanel } from './VerifyPanel';

const letter = (voided: boolean) => ({
  replyId: 'r1',
  documentNumber: '三民文〔2023〕21号',
  bureauName: '三门峡市民政局',
  signatoryName: '李立明',
  signedOn: '2023-06-30',
  issuedAt: '2023-07-01T02:00:00.000Z',
  voided,
  documents: [],
});

function setup(routes: Record<string, unknown>) {
  const fake = fakeApi(routes);
  renderWithProviders(<VerifyPanel />, { session: fakeSession({ api: fake.api, status: 'anonymous', user: null }) });
  return fake;
}

async function checkReference(reference: string) {
  fireEvent.change(screen.getByLabelText('文号或 SHA-256'), { target: { value: reference } });
  fireEvent.click(screen.getByRole('button', { name: /查\s*验/ }));
  return screen.findByTestId('verify-reference-verdict');
}

async function upload(name: string) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  // Node's File, as the FormData and fetch lent to jsdom are Node's (jest-environment.js).
  const file = new NodeFile(['%PDF-1.7 fake'], name, { type: 'application/pdf' });
  fireEvent.change(input, { target: { files: [file] } });
  return screen.findByTestId('verify-upload-verdict');
}

describe('VerifyPanel', () => {
  it('says a 文号 is valid, with who signed it', async () => {
    const { requests } = setup({ 'GET /verify/:reference': letter(false) });
    const verdict = await checkReference(' 三民文〔2023〕21号 ');
    expect(verdict.getAttribute('data-verdict')).toBe('authentic');
    expect(verdict.textContent).toContain('文号有效');
    expect(verdict.textContent).toContain('三门峡市民政局，签发人 李立明，2023-06-30 签发');
    expect(decodeURIComponent(requests[0].path)).toBe('/verify/三民文〔2023〕21号');
  });

  it('says so when the letter of a 文号 was declared void', async () => {
    setup({ 'GET /verify/:reference': letter(true) });
    const verdict = await checkReference('三民文〔2023〕21号');
    expect(verdict.getAttribute('data-verdict')).toBe('voided');
    expect(verdict.textContent).toContain('该答复件已作废');
  });

  it('says a 文号 the system never issued is not found', async () => {
    setup({
      'GET /verify/:reference': {
        status: 404,
        body: { code: 'LETTER_UNKNOWN', messages: { zh: '未找到该答复件', en: 'Unknown letter' } },
      },
    });
    const verdict = await checkReference('伪文〔2023〕1号');
    expect(verdict.getAttribute('data-verdict')).toBe('unknown');
    expect(verdict.textContent).toContain('未找到：不是本系统签发的答复件');
  });

  it('asks for a 文号 before checking', async () => {
    const { requests } = setup({});
    fireEvent.click(screen.getByRole('button', { name: /查\s*验/ }));
    expect(await screen.findByText('请输入文号')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('uploads a PDF as multipart and shows it authentic', async () => {
    const { requests } = setup({
      'POST /verify': {
        verdict: 'authentic',
        sha256: 'ab'.repeat(32),
        letter: letter(false),
        zh: '与签发的原件一致。',
        en: 'Identical to the signed original.',
      },
    });
    const verdict = await upload('答复件.pdf');
    expect(verdict.getAttribute('data-verdict')).toBe('authentic');
    expect(verdict.textContent).toContain('真实有效');
    expect(verdict.textContent).toContain('与签发的原件一致。');
    expect(verdict.textContent).toContain(`文件 SHA-256：${'ab'.repeat(32)}`);
    expect(requests[0].method).toBe('POST');
    expect(requests[0].path).toBe('/verify');
    expect(String(requests[0].body)).toContain('name="file"; filename="答复件.pdf"');
  });

  it('shows an altered file as invalid', async () => {
    setup({
      'POST /verify': {
        verdict: 'altered',
        sha256: 'cd'.repeat(32),
        letter: letter(false),
        zh: '文件在签发后被改动过。',
        en: 'Changed after signing.',
      },
    });
    const verdict = await upload('改过的.pdf');
    expect(verdict.getAttribute('data-verdict')).toBe('altered');
    expect(verdict.className).toContain('error');
    expect(verdict.textContent).toContain('文件已被改动');
    await waitFor(() => expect(verdict.textContent).toContain('文件在签发后被改动过。'));
  });
});
