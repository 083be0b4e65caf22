/** The text as a literal inside a LIKE / ILIKE pattern: its %, _ and \ match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
