import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { testUser } from '../test/render';
import { type Session, SessionProvider, useSession } from './session';

describe('SessionProvider upload', () => {
  let sent: Request[];
  let session: Session | null;

  function Probe() {
    session = useSession();
    return <span>{session.status}</span>;
  }

  beforeEach(() => {
    sent = [];
    session = null;
    localStorage.setItem('dafu.session', JSON.stringify({ accessToken: 'access-1', refreshToken: 'refresh-1' }));
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const request = input as Request;
      sent.push(request);
      const path = new URL(request.url).pathname;
      if (path === '/auth/me') return Response.json(testUser(['admin']));
      if (path === '/bureaus/b1/letter-settings/seal') return Response.json({ bureauId: 'b1', hasSeal: true });
      return Response.json(
        { code: 'SEAL_IMAGE_INVALID', messages: { zh: '印章图片无法使用', en: 'Unusable seal' } },
        {
          status: 400,
        },
      );
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SessionProvider baseUrl="http://dafu.test">
          <Probe />
        </SessionProvider>
      </QueryClientProvider>,
    );
  });

  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  it('sends the form with the bearer token and the method asked for, and answers with the JSON', async () => {
    await screen.findByText('authenticated');
    const form = new FormData();
    form.append('file', new Blob(['png-bytes'], { type: 'image/png' }), 'seal.png');

    const answer = await session!.upload('/bureaus/b1/letter-settings/seal', form, 'PUT');

    expect(answer).toEqual({ bureauId: 'b1', hasSeal: true });
    const request = sent.find((r) => r.url.endsWith('/seal'))!;
    expect(request.method).toBe('PUT');
    expect(request.headers.get('authorization')).toBe('Bearer access-1');
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(await request.text()).toContain('png-bytes');
  });

  it('throws the API coded error when the upload is refused', async () => {
    await screen.findByText('authenticated');
    const failure = session!.upload('/elsewhere', new FormData());
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, body: { code: 'SEAL_IMAGE_INVALID' } });
    expect(sent.at(-1)!.method).toBe('POST');
  });
});
