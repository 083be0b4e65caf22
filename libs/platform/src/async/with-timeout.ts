/**
 * The promise's outcome, or a rejection with the message once `ms` have passed. The timer is
 * cleared either way: a forgotten one keeps a process (or a Jest worker) alive after its work.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
