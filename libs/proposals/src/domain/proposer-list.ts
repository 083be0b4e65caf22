/** Names repeated in one proposal's list of proposers (after trimming), in order of first repeat. */
export function repeatedProposerNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (seen.has(name) && !repeated.includes(name)) repeated.push(name);
    seen.add(name);
  }
  return repeated;
}
