import { planDeliveries, type DeliveryPlanInput } from './delivery-plan';

const directory: Record<string, { email: string | null; postalAddress: string | null }> = {
  市政协提案委: { email: 'taw@zx.gov.cn', postalAddress: '市政府大院3号楼' },
  市委市政府督查局: { email: null, postalAddress: '市委大院1号楼' },
};

function plan(overrides: Partial<DeliveryPlanInput> = {}) {
  return planDeliveries({
    proposers: [
      { name: '姚峥', email: 'yaozheng@example.cn', postalAddress: null },
      { name: '左锋杰', email: null, postalAddress: '湖滨区黄河路1号' },
    ],
    cc: [
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
      { recipient: '市民政局办公室', copies: 1 },
    ],
    addressOf: (name) => directory[name] ?? null,
    emailEnabled: true,
    ...overrides,
  });
}

describe('planDeliveries', () => {
  it('sends to every proposer first, then the cc list, numbered in that order', () => {
    expect(plan().map((d) => [d.position, d.recipientKind, d.recipientName])).toEqual([
      [1, 'proposer', '姚峥'],
      [2, 'proposer', '左锋杰'],
      [3, 'cc', '市政协提案委'],
      [4, 'cc', '市委市政府督查局'],
      [5, 'cc', '市民政局办公室'],
    ]);
  });

  it('e-mails those with an address and puts the others on the mailroom list with their copies', () => {
    expect(plan().map((d) => [d.recipientName, d.channel, d.copies, d.email, d.postalAddress])).toEqual([
      ['姚峥', 'email', 1, 'yaozheng@example.cn', null],
      ['左锋杰', 'mailroom', 1, null, '湖滨区黄河路1号'],
      ['市政协提案委', 'email', 2, 'taw@zx.gov.cn', '市政府大院3号楼'],
      ['市委市政府督查局', 'mailroom', 2, null, '市委大院1号楼'],
      ['市民政局办公室', 'mailroom', 1, null, null],
    ]);
  });

  it('posts everything when no mail server is configured, keeping the addresses for later', () => {
    const planned = plan({ emailEnabled: false });
    expect(planned.every((d) => d.channel === 'mailroom')).toBe(true);
    expect(planned[0].email).toBe('yaozheng@example.cn');
  });

  it('serves a name listed twice once, with the larger number of copies', () => {
    const planned = plan({
      cc: [
        { recipient: '市政协提案委', copies: 2 },
        { recipient: ' 市政协提案委 ', copies: 3 },
      ],
    });
    expect(planned.filter((d) => d.recipientName === '市政协提案委')).toEqual([
      expect.objectContaining({ copies: 3, position: 3 }),
    ]);
  });

  it('treats a blank e-mail as none and keeps copies between 1 and 99', () => {
    const planned = plan({
      proposers: [{ name: '韩冰', email: '  ', postalAddress: null }],
      cc: [
        { recipient: '市政协提案委', copies: 0 },
        { recipient: '市委市政府督查局', copies: 500 },
      ],
    });
    expect(planned.map((d) => [d.channel, d.copies])).toEqual([
      ['mailroom', 1],
      ['email', 1],
      ['mailroom', 99],
    ]);
  });

  it('skips blank names and plans nothing for a letter with no recipients', () => {
    expect(plan({ proposers: [{ name: ' ', email: null, postalAddress: null }], cc: [] })).toEqual([]);
  });
});
