import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'minio';
import { DafuConfig } from '../config/dafu-config';

/** Where uploaded and generated files live. The database keeps the key, size and SHA-256. */
export interface FileStorage {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** A directory on local disk (STORAGE_DIR); files are written whole or not at all. */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe storage key: ${key}`);
    return join(this.root, key);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    await writeFile(partial, content, { flag: 'wx' });
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** Any S3-compatible object store (MinIO, Ceph, a cloud's S3), through the MinIO client. */
export class S3FileStorage implements FileStorage {
  private readonly client: Client;

  constructor(private readonly settings: S3Settings) {
    const url = new URL(settings.endpoint);
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region,
      pathStyle: true,
    });
  }

  async put(key: string, content: Buffer): Promise<void> {
    await this.client.putObject(this.settings.bucket, key, content, content.length);
  }

  async get(key: string): Promise<Buffer> {
    const stream = await this.client.getObject(this.settings.bucket, key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.settings.bucket, key);
  }
}

export function fileStorageFor(config: DafuConfig): FileStorage {
  return config.s3 ? new S3FileStorage(config.s3) : new LocalFileStorage(config.storageDir);
}

@Injectable()
export class StorageKeys {
  /** A new key under a folder: attachments/2a/2a9c…; the two-character level keeps folders small. */
  newKey(folder: string): string {
    const id = randomUUID();
    return `${folder}/${id.slice(0, 2)}/${id}`;
  }
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [DafuConfig], useFactory: fileStorageFor }, StorageKeys],
  exports: [FILE_STORAGE, StorageKeys],
})
export class StorageModule {}

export const InjectFileStorage = () => Inject(FILE_STORAGE);
