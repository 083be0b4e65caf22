import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import type { SigningCredential } from './admin-types';
import { pemCertificates, SigningKeysPage } from './SigningKeysPage';
import { rows } from './test-helpers';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';

function credential(overrides: Partial<SigningCredential>): SigningCredential {
  return {
    id: 'k1',
    bureauId: 'b1',
    certificatePem: CERT,
    selfSigned: false,
    subject: 'CN=三门峡市民政局',
    serialNumber: '01',
    fingerprintSha256: 'AB:CD',
    notBefore: '2025-01-01T00:00:00Z',
    notAfter: '2099-01-01T00:00:00Z',
    createdAt: '2025-01-01T00:00:00Z',
    retiredAt: null,
    ...overrides,
  };
}

function setup(routes: Record<string, unknown> = {}) {
  const fake = fakeApi({
    'GET /organisations': [
      {
        id: 'c1',
        name: '市政协提案委',
        kind: 'cppcc_committee',
        shortName: null,
        documentNumberPrefix: null,
        email: null,
        postalAddress: null,
      },
      {
        id: 'b1',
        name: '三门峡市民政局',
        kind: 'bureau',
        shortName: null,
        documentNumberPrefix: '三民文',
        email: null,
        postalAddress: null,
      },
    ],
    'GET /bureaus/:id/signing-credentials': [
      credential({}),
      credential({ id: 'k0', selfSigned: true, subject: 'CN=旧证书', retiredAt: '2025-06-01T00:00:00Z' }),
    ],
    ...routes,
  });
  renderWithProviders(<SigningKeysPage />, { session: fakeSession({ api: fake.api, user: testUser(['admin']) }) });
  return fake;
}

describe('pemCertificates', () => {
  it('splits a chain into its certificates', () => {
    expect(pemCertificates(`${CERT}\n\n${CERT.replace('MIIB', 'MIIC')}\n`)).toHaveLength(2);
    expect(pemCertificates('')).toEqual([]);
  });
});

describe('SigningKeysPage', () => {
  it('lists the first bureau’s certificates with which one is in use and their validity', async () => {
    setup();
    await screen.findByText('CN=三门峡市民政局');
    expect(screen.getByText('三门峡市民政局的签名证书')).toBeTruthy();
    expect(within(rows()[0]).getByText('当前使用')).toBeTruthy();
    expect(within(rows()[0]).getByText('2025-01-01 至 2099-01-01')).toBeTruthy();
    expect(within(rows()[1]).getByText('已停用（2025-06-01）')).toBeTruthy();
    expect(within(rows()[1]).getByText('系统自签名')).toBeTruthy();
    expect(screen.getByLabelText('承办单位')).toBeTruthy();
  });

  it('uploads a certificate and key as the PEM the API takes, and reloads the list', async () => {
    const { requests } = setup({ 'POST /bureaus/:id/signing-credentials': credential({ id: 'k2' }) });
    await screen.findByText('CN=三门峡市民政局');
    for (const label of ['证书（PEM）', '私钥（PEM，PKCS#8 或 PKCS#1）', '中间证书（PEM，可不填，可含多张）']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
      expect(screen.getByLabelText(`从文件读入${label}`)).toBeTruthy();
    }
    fireEvent.change(screen.getByLabelText('证书（PEM）'), { target: { value: CERT } });
    fireEvent.change(screen.getByLabelText('私钥（PEM，PKCS#8 或 PKCS#1）'), { target: { value: KEY } });
    fireEvent.click(screen.getAllByText('上传证书').at(-1)!);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/bureaus/b1/signing-credentials');
    expect(post.body).toEqual({ certificatePem: CERT, privateKeyPem: KEY });
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'GET' && r.path === '/bureaus/b1/signing-credentials')).toHaveLength(
        2,
      ),
    );
  });

  it('refuses text that is not a PEM key before sending', async () => {
    const { requests } = setup();
    await screen.findByText('CN=三门峡市民政局');
    fireEvent.change(screen.getByLabelText('证书（PEM）'), { target: { value: CERT } });
    fireEvent.change(screen.getByLabelText('私钥（PEM，PKCS#8 或 PKCS#1）'), { target: { value: 'secret' } });
    fireEvent.click(screen.getAllByText('上传证书').at(-1)!);
    expect(await screen.findByText(/须以 -----BEGIN PRIVATE KEY-----/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
