import { existsSync } from 'node:fs';
import { EnvironmentError, validateEnvironment } from './environment';

/**
 * Reads .env (real environment variables win) and validates it before any module is loaded,
 * so a missing or wrong setting stops the process with a list of what to fix.
 */
export function loadEnvironmentOrExit(appName: string): void {
  process.env.DAFU_APP_NAME ??= appName;
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
