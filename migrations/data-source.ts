import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { databaseSettingsFromEnv, postgresOptions } from '../libs/platform/src/database/database-settings';
import { ALL_MIGRATIONS } from './index';

if (existsSync('.env')) process.loadEnvFile('.env');

/** Used by `npm run migration:*` (the TypeORM CLI); needs only the database settings. */
export default new DataSource({ ...postgresOptions(databaseSettingsFromEnv(process.env)), migrations: ALL_MIGRATIONS });
