import { fakeApi } from './render';

describe('fakeApi', () => {
  it('answers a matching route with its body and records the request', async () => {
    const { api, requests } = fakeApi({
      'GET /replies/:id': (_r: unknown, p: Record<string, string>) => ({ id: p.id }),
    });
    const result = await api.GET('/replies/{id}', { params: { path: { id: 'r1' } } });
    expect(result.data).toEqual({ id: 'r1' });
    expect(requests[0].path).toBe('/replies/r1');
  });

  it('answers 404 with the API error shape when no route matches', async () => {
    const { api } = fakeApi({});
    const result = await api.GET('/replies/{id}', { params: { path: { id: 'x' } } });
    expect(result.response.status).toBe(404);
    expect(result.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('fakeApi answers', () => {
  it('sends a record with a status word and a body field as a 200 body, not as a status', async () => {
    const proposal = { id: 'p1', status: 'assigned', body: '提案正文' };
    const { api } = fakeApi({ 'GET /proposals/:id': proposal });
    const result = await api.GET('/proposals/{id}', { params: { path: { id: 'p1' } } });
    expect(result.response.status).toBe(200);
    expect(result.data).toEqual(proposal);
  });
});
