import { replyReadingOf, type ReplyReader, type ReplyReading } from './reply-reading';
import { FINAL_REPLY_STATUSES, ReplyStatus } from './reply-status';

const OWN = 'bureau-own';
const OTHER = 'bureau-other';

const readers: [string, ReplyReader][] = [
  ['own bureau', { scope: { kind: 'bureau', bureauId: OWN }, mayReadDrafts: false }],
  ['own bureau, granted', { scope: { kind: 'bureau', bureauId: OWN }, mayReadDrafts: true }],
  ['other bureau', { scope: { kind: 'bureau', bureauId: OTHER }, mayReadDrafts: false }],
  ['other bureau, granted', { scope: { kind: 'bureau', bureauId: OTHER }, mayReadDrafts: true }],
  ['city', { scope: { kind: 'city' }, mayReadDrafts: false }],
  ['city, granted', { scope: { kind: 'city' }, mayReadDrafts: true }],
];

function expected(name: string, status: ReplyStatus): ReplyReading {
  if (name.startsWith('own bureau')) return 'full';
  if (name.startsWith('other bureau')) return 'none';
  if (FINAL_REPLY_STATUSES.includes(status)) return 'full';
  return name === 'city, granted' ? 'full' : 'status_only';
}

describe('replyReadingOf', () => {
  const cases = readers.flatMap(([name, reader]) =>
    Object.values(ReplyStatus).map((status) => [name, status, reader, expected(name, status)] as const),
  );

  it.each(cases)('%s reading a %s reply of bureau-own → %s', (_name, status, reader, reading) => {
    expect(replyReadingOf(reader, { bureauId: OWN, status })).toBe(reading);
  });

  it('covers every status for every reader', () => {
    expect(cases).toHaveLength(readers.length * Object.values(ReplyStatus).length);
  });

  it('never lets a grant reach across bureaus', () => {
    for (const status of Object.values(ReplyStatus)) {
      expect(
        replyReadingOf({ scope: { kind: 'bureau', bureauId: OTHER }, mayReadDrafts: true }, { bureauId: OWN, status }),
      ).toBe('none');
    }
  });
});
