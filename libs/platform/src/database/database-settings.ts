import type { DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from '../config/dafu-config';

/** DB settings from DATABASE_URL or the libpq PG* variables, for tools that run without the full config. */
export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv): DatabaseSettings {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return {
    host: env.PGHOST ?? '127.0.0.1',
    port: env.PGPORT ? Number(env.PGPORT) : 5432,
    username: env.PGUSER ?? 'postgres',
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
  };
}

export function databaseNameOf(settings: DatabaseSettings): string {
  if (settings.url) return decodeURIComponent(new URL(settings.url).pathname.replace(/^\//, ''));
  return settings.database ?? 'postgres';
}

/** The same server with another database name: used to create databases and to clone test templates. */
export function withDatabase(settings: DatabaseSettings, database: string): DatabaseSettings {
  if (settings.url) {
    const url = new URL(settings.url);
    url.pathname = `/${encodeURIComponent(database)}`;
    return { url: url.toString() };
  }
  return { ...settings, database };
}

export function postgresOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    ...(settings.url
      ? { url: settings.url }
      : {
          host: settings.host,
          port: settings.port,
          username: settings.username,
          password: settings.password,
          database: settings.database,
        }),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    applicationName: process.env.DAFU_APP_NAME ?? 'dafu',
    extra: { max: Number(process.env.PG_POOL_SIZE ?? 10) },
  };
}
