/** Highlighted excerpts built on the original text around the words a query matched. */

export interface Mark {
  /** Offsets in `text`, in UTF-16 code units (as JavaScript slices them). */
  start: number;
  end: number;
}

export interface Snippet {
  /** Plain text of the excerpt, with … where it was cut. */
  text: string;
  marks: Mark[];
  /** The excerpt HTML-escaped with each match inside <mark>…</mark>. */
  html: string;
}

export const DEFAULT_SNIPPET_LENGTH = 120;

/** Every match of the terms in the text, longest term first at each place, never overlapping. */
export function findMatches(text: string, terms: readonly string[]): Mark[] {
  const wanted = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [];
  const lower = text.toLowerCase();
  const marks: Mark[] = [];
  let i = 0;
  while (i < lower.length) {
    const term = wanted.find((t) => lower.startsWith(t, i));
    if (term) {
      marks.push({ start: i, end: i + term.length });
      i += term.length;
    } else {
      i += 1;
    }
  }
  return marks;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The excerpt of about `length` characters holding the most matches (the earliest such window),
 * white space collapsed; the text's start when nothing matches.
 */
export function buildSnippet(source: string, terms: readonly string[], length = DEFAULT_SNIPPET_LENGTH): Snippet {
  const text = source.replace(/\s+/g, ' ').trim();
  const matches = findMatches(text, terms);
  let from = 0;
  if (matches.length > 0) {
    let best = 0;
    let bestCount = 0;
    let right = 0;
    for (let left = 0; left < matches.length; left++) {
      while (right < matches.length && matches[right].end - matches[left].start <= length) right++;
      const count = right - left;
      if (count > bestCount) {
        bestCount = count;
        best = left;
      }
    }
    // Some context before the first match, up to a quarter of the excerpt.
    const context = Math.floor(length / 4);
    from = Math.max(0, matches[best].start - context);
    const lastEnd = matches[Math.min(best + bestCount, matches.length) - 1].end;
    if (lastEnd - from > length) from = Math.max(0, lastEnd - length);
  }
  const to = Math.min(text.length, from + length);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const body = text.slice(from, to);
  const marks = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + prefix.length, end: m.end - from + prefix.length }));
  const excerpt = `${prefix}${body}${suffix}`;
  let html = '';
  let at = 0;
  for (const mark of marks) {
    html += `${escapeHtml(excerpt.slice(at, mark.start))}<mark>${escapeHtml(excerpt.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  html += escapeHtml(excerpt.slice(at));
  return { text: excerpt, marks, html };
}
