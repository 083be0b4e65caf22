import { CalendarDayKind, WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { Disclosure } from '@dafu/replies/domain/reply-content';
import { ReplyStatus } from '@dafu/replies/domain/reply-status';
import { latestIssueDatePublishedBy, publicationOf, publishedOn, type PublicationVerdict } from './publication';

// 2023: National Day week 9-29 … 10-06 off, Saturday 10-07 and Sunday 10-08 worked (调休).
const calendar = new WorkingDayCalendar(
  [
    ...['2023-09-29', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'].map((date) => ({
      date,
      kind: CalendarDayKind.Holiday,
      name: '国庆节',
    })),
    { date: '2023-10-07', kind: CalendarDayKind.WorkingWeekend, name: '调休' },
    { date: '2023-10-08', kind: CalendarDayKind.WorkingWeekend, name: '调休' },
  ],
  [2023],
);

describe('publishedOn', () => {
  it.each([
    ['2023-07-13', 0, '2023-07-13'],
    ['2023-07-15', 0, '2023-07-15'], // a Saturday: at once means at once
    ['2023-07-13', 1, '2023-07-14'],
    ['2023-07-14', 1, '2023-07-17'], // Friday → Monday
    ['2023-07-13', 20, '2023-08-10'],
    ['2023-09-28', 1, '2023-10-07'], // over the holiday to the worked Saturday
    ['2023-09-28', 3, '2023-10-09'],
  ])('issued %s with a delay of %i working days: public from %s', (issuedOn, delay, expected) => {
    expect(publishedOn(issuedOn, delay, calendar)).toBe(expected);
  });
});

describe('latestIssueDatePublishedBy', () => {
  it.each([
    ['2023-07-13', 0, '2023-07-13'],
    ['2023-07-17', 1, '2023-07-16'], // Monday: Friday's and the weekend's letters are out
    ['2023-07-16', 1, '2023-07-13'], // Sunday: Friday's wait for Monday
    ['2023-10-07', 1, '2023-10-06'], // the worked Saturday: everything issued over the holiday is out
    ['2023-10-06', 1, '2023-09-27'], // still the holiday: the 28th's wait for the 7th
    ['2023-08-10', 20, '2023-07-13'],
  ])('on %s with a delay of %i: letters issued up to %s', (today, delay, expected) => {
    expect(latestIssueDatePublishedBy(today, delay, calendar)).toBe(expected);
  });

  it('agrees with publishedOn for every issue date and delay around the holiday', () => {
    for (let delay = 0; delay <= 5; delay += 1) {
      for (let day = 20; day <= 30; day += 1) {
        const today = `2023-09-${day}`;
        const cutoff = latestIssueDatePublishedBy(today, delay, calendar);
        expect(publishedOn(cutoff, delay, calendar) <= today).toBe(true);
        const next = new Date(`${cutoff}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(publishedOn(next.toISOString().slice(0, 10), delay, calendar) > today).toBe(true);
      }
    }
  });
});

describe('publicationOf', () => {
  const today = '2023-07-20';
  const cases: [ReplyStatus, Disclosure | null, string | null, number, PublicationVerdict][] = [];
  for (const status of Object.values(ReplyStatus)) {
    for (const disclosure of [...Object.values(Disclosure), null]) {
      for (const [issuedOn, delay] of [
        ['2023-07-13', 0],
        ['2023-07-13', 20],
        [null, 0],
      ] as const) {
        let expected: PublicationVerdict;
        if (status === ReplyStatus.Voided) expected = 'voided';
        else if (status !== ReplyStatus.Issued || issuedOn === null || disclosure === null) expected = 'not_issued';
        else if (disclosure === Disclosure.OnRequest) expected = 'disclosed_on_request';
        else if (disclosure === Disclosure.NotPublic) expected = 'not_public';
        else expected = delay === 0 ? 'published' : 'within_delay';
        cases.push([status, disclosure, issuedOn, delay, expected]);
      }
    }
  }

  it.each(cases)('%s, %s, issued %s, delay %i → %s', (status, disclosure, issuedOn, delay, expected) => {
    expect(publicationOf({ status, disclosure, issuedOn }, delay, today, calendar)).toBe(expected);
  });

  it('publishes on the first day the delay allows, not before', () => {
    const reply = { status: ReplyStatus.Issued, disclosure: Disclosure.Public, issuedOn: '2023-07-13' };
    expect(publicationOf(reply, 5, '2023-07-19', calendar)).toBe('within_delay');
    expect(publicationOf(reply, 5, '2023-07-20', calendar)).toBe('published');
  });
});
