import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
export const WEB_DIST = join(ROOT, 'apps/web/dist');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts', 'package-lock.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds apps/web/dist (npm run web:build) unless a build newer than every source is there. */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (built > changed) return;
  process.stderr.write(
    'Building the web app for the browser tests (apps/web/dist is missing or older than its sources)...\n',
  );
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run: Debian's chromium must be there. In CI (CI set) its absence
 * is a failure, not a skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI: ${CHROMIUM} is missing; .ci/run installs Debian's chromium package.`);
  process.stderr.write(
    `Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).\n`,
  );
  return false;
}

/** Flags for headless Chromium as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
