/**
 * Chinese full-text search on Postgres without a Chinese parser: words come from jieba (run in
 * Node), go into a `tsvector` written out here with positions and weights, and queries are
 * `tsquery` literals of the same words. Highlighting is done here too, on the original text,
 * because ts_headline cannot find word boundaries in unsegmented Chinese. Pure: the segmenter is
 * passed in.
 */

/** The two cuts of jieba the index needs: precise (queries) and search mode (documents). */
export interface Segmenter {
  cut(text: string): string[];
  cutForSearch(text: string): string[];
}

/** Title A, section headings B, body C: ts_rank_cd weighs a hit in a title above one in the body. */
export interface WeightedText {
  title: string;
  headings: string;
  body: string;
  /** Names, 文号: searchable as words too, weighted like headings. */
  extra?: string;
}

/** Postgres stores positions up to 16383 and at most 256 of them per lexeme. */
export const MAX_POSITION = 16383;
export const MAX_POSITIONS_PER_LEXEME = 255;
/** A lexeme longer than this is not a word (a URL, a run of digits): left out. */
export const MAX_TERM_LENGTH = 60;

/**
 * Words too common to tell documents apart; left out of the index and of queries. Every reply
 * says 答复 and 提案, so those would only dilute the ranking.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '等',
  '在',
  '是',
  '对',
  '为',
  '将',
  '把',
  '被',
  '也',
  '并',
  '或',
  '就',
  '都',
  '而',
  '之',
  '其',
  '以',
  '于',
  '由',
  '从',
  '向',
  '到',
  '上',
  '中',
  '下',
  '个',
  '有',
  '这',
  '那',
  '我',
  '您',
  '你',
  '他',
  '们',
  '我们',
  '一',
  '已',
  '由于',
  '以及',
  '关于',
  '进行',
  '通过',
  '同时',
  '一是',
  '二是',
  '三是',
  '四是',
]);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A token as it is stored: trimmed, ASCII lower-cased; null when it is punctuation, a stop word or too long. */
export function normaliseTerm(token: string): string | null {
  const term = token.trim().toLowerCase();
  if (term === '' || term.length > MAX_TERM_LENGTH) return null;
  if (!WORD_CHAR.test(term)) return null;
  if (STOP_WORDS.has(term)) return null;
  return term;
}

/** Document words in search mode (日间照料中心 gives 日间, 照料, 中心 and the longer words jieba knows). */
export function documentTerms(text: string, segmenter: Segmenter): string[] {
  if (text.trim() === '') return [];
  return segmenter.cutForSearch(text).flatMap((token) => {
    const term = normaliseTerm(token);
    return term === null ? [] : [term];
  });
}

/** Quotes a lexeme for tsvector / tsquery input: inside single quotes, ' doubled, \ escaped. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The `tsvector` input text of a document, e.g. `'养老':1A,9C '服务':2A`. Positions run on through
 * title, headings, extra and body so cover density (ts_rank_cd) sees which words stand together.
 */
export function tsvectorText(text: WeightedText, segmenter: Segmenter): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (field: string, weight: 'A' | 'B' | 'C') => {
    for (const term of documentTerms(field, segmenter)) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
    // A gap between fields, so a phrase never spans the end of a title and the start of the body.
    position = Math.min(position + 10, MAX_POSITION);
  };
  add(text.title, 'A');
  add(text.headings, 'B');
  add(text.extra ?? '', 'B');
  add(text.body, 'C');
  return [...positions.entries()].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}

export interface SearchQuery {
  /** `tsquery` input text; null when the query has no searchable word. */
  tsquery: string | null;
  /** The words to highlight, longest first. */
  terms: string[];
}

/**
 * Every word of the query must match (AND). A word jieba can split further (服务中心) also
 * matches through its parts (服务 & 中心), since a document may have been cut differently
 * around it. Blank-separated parts of the query are cut separately.
 */
export function buildSearchQuery(query: string, segmenter: Segmenter): SearchQuery {
  const clauses: string[] = [];
  const seen = new Set<string>();
  const highlight = new Set<string>();
  for (const part of query.split(/\s+/)) {
    if (part === '') continue;
    for (const token of segmenter.cut(part)) {
      const term = normaliseTerm(token);
      if (term === null || seen.has(term)) continue;
      seen.add(term);
      highlight.add(term);
      const parts = [...new Set(documentTerms(term, segmenter).filter((p) => p !== term && p.length >= 2))];
      const covers = parts.length >= 2 && parts.join('').length >= term.length;
      if (covers) {
        parts.forEach((p) => highlight.add(p));
        clauses.push(`(${quoteLexeme(term)} | (${parts.map(quoteLexeme).join(' & ')}))`);
      } else {
        clauses.push(quoteLexeme(term));
      }
    }
  }
  const terms = [...highlight].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { tsquery: clauses.length === 0 ? null : clauses.join(' & '), terms };
}

/**
 * The words that say what a text is about, for similar-document queries: search-mode words of two
 * characters or more (not numbers), scored by frequency × inverse document frequency, best first.
 */
export function keyTerms(text: string, segmenter: Segmenter, idf: (term: string) => number, max = 20): string[] {
  return Object.keys(termWeights(text, segmenter, idf, max));
}

/**
 * The `max` best words of a text with their tf × idf weights, scaled to unit length: a text's
 * fingerprint, stored with each document so similarity is a cosine of two small vectors.
 * Insertion order is best first.
 */
export function termWeights(
  text: string,
  segmenter: Segmenter,
  idf: (term: string) => number,
  max = 64,
): Record<string, number> {
  const counts = new Map<string, number>();
  for (const term of documentTerms(text, segmenter)) {
    if ([...term].length < 2 || /^[\p{N}.]+$/u.test(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const best = [...counts.entries()]
    .map(([term, count]) => ({ term, score: (1 + Math.log(count)) * idf(term) }))
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
    .slice(0, max);
  const length = Math.sqrt(best.reduce((sum, { score }) => sum + score * score, 0));
  const weights: Record<string, number> = {};
  for (const { term, score } of best) weights[term] = length > 0 ? Math.round((score / length) * 1e4) / 1e4 : 0;
  return weights;
}

/** Cosine of two unit-length fingerprints (1: the same words in the same proportions). */
export function cosine(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const [term, weight] of Object.entries(a)) sum += weight * (b[term] ?? 0);
  return Math.round(sum * 1e4) / 1e4;
}

/**
 * Documents sharing at least two of the words (any pair, OR'd); one word alone when only one is
 * given. Pairs keep the candidates of a similar-documents query few even when single words are
 * common. Null when there are no words.
 */
export function anyPairQuery(terms: readonly string[]): string | null {
  if (terms.length < 2) return anyOfQuery(terms);
  const pairs: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j < terms.length; j++) pairs.push(`(${quoteLexeme(terms[i])} & ${quoteLexeme(terms[j])})`);
  }
  return pairs.join(' | ');
}

/** Any of the words (OR), for ranking similar documents; null when there are none. */
export function anyOfQuery(terms: readonly string[]): string | null {
  return terms.length === 0 ? null : terms.map(quoteLexeme).join(' | ');
}

/** Length of the character shingles that detect reused wording (a reused sentence shares all of its own). */
export const SHINGLE_LENGTH = 8;

/** The text's runs of SHINGLE_LENGTH characters, white space and punctuation left out. */
export function shingles(text: string, length = SHINGLE_LENGTH): Set<string> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '')];
  const result = new Set<string>();
  for (let i = 0; i + length <= chars.length; i++) result.add(chars.slice(i, i + length).join(''));
  return result;
}

/**
 * How much wording two texts share: the part of the smaller one's shingles found in the other
 * (0 to 1). A reply that reuses last year's paragraphs scores far above one on the same subject
 * written afresh (the 濮阳 letters of 2023 and 2024: 0.13; other pairs of seed letters: under 0.03).
 */
export function sharedWording(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return Math.round((shared / small.size) * 1e4) / 1e4;
}
