/** An API timestamp as the city reads it: YYYY-MM-DD HH:mm in China Standard Time. */
export function formatTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
