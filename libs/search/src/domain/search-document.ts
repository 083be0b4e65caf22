/** What the index holds of each source, and how it is read from the sources' rows. Pure. */
import { termWeights, tsvectorText, type Segmenter } from './search-text';

export type SearchDocumentKind = 'proposal' | 'reply' | 'archived_letter';
export const SEARCH_DOCUMENT_KINDS: readonly SearchDocumentKind[] = ['proposal', 'reply', 'archived_letter'];

export interface SearchDocumentInput {
  docKind: SearchDocumentKind;
  sourceId: string;
  proposalId: string | null;
  sessionId: string | null;
  sessionLabel: string | null;
  /** Bureaus whose users may read it; registrars and supervisors read everything. */
  bureauIds: string[];
  /** Archived letters: every reader may see them. */
  visibleToAll: boolean;
  /**
   * An issued reply marked public: its body and issue date. Every reader sees it once published
   * (the issue date plus the body's delay, compared at search time); null otherwise.
   */
  publicBody: 'cppcc' | 'npc' | null;
  issuedOn: string | null;
  proposalKind: 'proposal' | 'suggestion' | null;
  proposalNumber: number | null;
  grade: string | null;
  state: string | null;
  title: string;
  headings: string;
  body: string;
  documentNumber: string | null;
  names: string;
  datedOn: string | null;
}

export interface IndexedDocument extends SearchDocumentInput {
  tsv: string;
  /** Two-character runs of the names, for lookups too short for a trigram. */
  nameGrams: string[];
  /** The document's fingerprint for similar replies (termWeights of title, headings and body). */
  keyTerms: Record<string, number>;
}

export function indexedDocument(
  input: SearchDocumentInput,
  segmenter: Segmenter,
  idf: (term: string) => number,
): IndexedDocument {
  return {
    ...input,
    nameGrams: nameGrams(input.names),
    keyTerms: similarityFingerprint(input.title, `${input.headings}\n${input.body}`, segmenter, idf),
    tsv: tsvectorText(
      {
        title: input.title,
        headings: input.headings,
        extra: [input.names, input.documentNumber ?? ''].join(' '),
        body: input.body,
      },
      segmenter,
    ),
  };
}

/** The parts of a reply's stored content the index reads (reply-content.ts in replies). */
export interface ReplyContentText {
  title?: string;
  addressees?: { people?: string[]; organisation?: string | null };
  opening?: string;
  preamble?: string[];
  sections?: { heading?: string; paragraphs?: string[] }[];
  closing?: string[] | string;
  disclosure?: { level?: string };
}

/** The letter's text in reading order, and its section headings. */
export function replyText(content: ReplyContentText): { headings: string; body: string; names: string } {
  const sections = content.sections ?? [];
  const closing = Array.isArray(content.closing) ? content.closing : content.closing ? [content.closing] : [];
  const body = [
    content.opening ?? '',
    ...(content.preamble ?? []),
    ...sections.flatMap((s) => [s.heading ?? '', ...(s.paragraphs ?? [])]),
    ...closing,
  ]
    .filter((line) => line.trim() !== '')
    .join('\n');
  const headings = sections
    .map((s) => s.heading ?? '')
    .filter((h) => h !== '')
    .join('\n');
  const names = [...(content.addressees?.people ?? []), content.addressees?.organisation ?? '']
    .filter((n) => n !== '')
    .join('、');
  return { headings, body, names };
}

/**
 * 文号 as people type them: 三民文[2023]21号, 三民文（2023）21号 and 三民文〔2023〕21号 are one
 * number; letters print the hexagonal brackets 〔〕.
 */
export function normaliseDocumentNumber(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '')
    .replace(/[[［(（【〔]/g, '〔')
    .replace(/[\]］)）】〕]/g, '〕');
}

/** The title says what is asked: it counts three times against the body's words. */
export function similarityFingerprint(
  title: string,
  body: string,
  segmenter: Segmenter,
  idf: (term: string) => number,
): Record<string, number> {
  return termWeights(`${title}\n${title}\n${title}\n${body}`, segmenter, idf);
}

/** Every two-character run inside each name of a 、-separated list (刘晓静: 刘晓, 晓静). */
export function nameGrams(names: string): string[] {
  const grams = new Set<string>();
  for (const name of names.split(/[、,，;；\s]+/)) {
    const chars = [...name.toLowerCase()];
    for (let i = 0; i + 2 <= chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}
