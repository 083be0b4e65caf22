import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';
import { parseLetterSections } from '@dafu/replies/domain/letter-text-parser';
import { DEFAULT_REPLY_TEMPLATES, startingContent } from '@dafu/replies/domain/reply-template';
import type { SignedLetter } from '@dafu/replies/domain/reply-text';

/** One of the five real reply letters, as `test/fixtures/seeds/expected.json` describes it. */
export interface ExpectedLetter {
  file: string;
  documentNumber: string | null;
  signatory: string | null;
  grade: string | null;
  issuer: string | null;
  kind: 'proposal' | 'suggestion';
  session: { label: string; body: 'cppcc' | 'npc' } | null;
  proposalNumber: number;
  addressees: { people: string[]; title: '委员' | '代表' | null; organisation: string | null };
  proposalTitle: string;
  sectionHeadings: string[];
  date: string | null;
  contact: { name: string; phone: string } | null;
  cc: { recipient: string; copies: number }[];
}

export const SEEDS_DIR = join(__dirname, '../../../test/fixtures/seeds');

export const EXPECTED_LETTERS: ExpectedLetter[] = JSON.parse(
  readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8'),
).letters;

export function readSeedLetter(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** How each bureau sets its letter, as the seed letters show it. */
export const SEED_LAYOUT: Record<string, { headingsOnOwnLine: boolean; honorific: string }> = {
  'sanmenxia-cppcc-8-1-146.txt': { headingsOnOwnLine: false, honorific: '' },
  'jiaozuo-cppcc-192.txt': { headingsOnOwnLine: false, honorific: '尊敬的' },
  'puyang-npc-9-1-269.txt': { headingsOnOwnLine: true, honorific: '' },
  'puyang-cppcc-9-2-228.txt': { headingsOnOwnLine: true, honorific: '' },
  'benxi-cppcc-1014.txt': { headingsOnOwnLine: false, honorific: '' },
};

/**
 * The seed letter rebuilt as a signed reply: the first draft from the proposal, then the
 * letter's own text and facts. Letters without a number or signatory (焦作, 本溪 carry none) get
 * none, so callers that need a signed letter supply their own.
 */
export function seedSignedLetter(expected: ExpectedLetter): SignedLetter {
  const body = expected.kind === 'suggestion' ? SessionBody.Npc : SessionBody.Cppcc;
  const { people, organisation } = expected.addressees;
  const draft = startingContent(
    { ...DEFAULT_REPLY_TEMPLATES[body], ...SEED_LAYOUT[expected.file] },
    {
      body,
      sessionLabel: expected.session?.label ?? null,
      number: expected.proposalNumber,
      kind: expected.kind === 'suggestion' ? ProposalKind.Suggestion : ProposalKind.Proposal,
      title: expected.proposalTitle,
      proposers: organisation
        ? [{ name: organisation, kind: 'organisation' }]
        : people.map((name) => ({ name, kind: 'person' as const })),
    },
    expected.issuer ?? '市民政局',
    [],
  );
  const letter = parseLetterSections(readSeedLetter(expected.file));
  return {
    content: {
      ...draft,
      preamble: letter.preamble,
      sections: letter.sections.map((s) => ({ ...s, source: null })),
      closing: letter.closing,
      contact: expected.contact,
      cc: expected.cc,
    },
    documentNumber: expected.documentNumber,
    signatoryName: expected.signatory,
    grade: expected.grade,
    printGradeMark: expected.grade !== null,
    letterDate: expected.date ?? '2023-06-30',
  };
}
