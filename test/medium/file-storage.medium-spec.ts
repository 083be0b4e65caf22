import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
// s3rver speaks the S3 protocol on loopback: the S3 store is tested over real HTTP, not mocked.
import S3rver from 's3rver';
import { FileStorage, LocalFileStorage, S3FileStorage } from '@dafu/platform/storage/file-storage';

const CONTENT = Buffer.from('%PDF-1.7\n会办意见\n');

describe.each([['local directory'], ['S3-compatible store']])('File storage in a %s', (kind) => {
  let storage: FileStorage;
  let directory: string;
  let server: S3rver | undefined;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dafu-storage-'));
    if (kind === 'local directory') {
      storage = new LocalFileStorage(directory);
      return;
    }
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'dafu-test', configs: [] }],
    });
    const address = (await server.run()) as AddressInfo;
    storage = new S3FileStorage({
      endpoint: `http://127.0.0.1:${address.port}`,
      bucket: 'dafu-test',
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      region: 'us-east-1',
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('gives back exactly what it stored, and forgets what it removed', async () => {
    await storage.put('attachments/ab/ab12-test', CONTENT);
    expect(Buffer.compare(await storage.get('attachments/ab/ab12-test'), CONTENT)).toBe(0);
    await storage.remove('attachments/ab/ab12-test');
    await expect(storage.get('attachments/ab/ab12-test')).rejects.toThrow();
  });

  it('removes a missing key without complaint', async () => {
    await expect(storage.remove('attachments/00/never-stored')).resolves.toBeUndefined();
  });
});

describe('LocalFileStorage', () => {
  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalFileStorage(tmpdir());
    await expect(storage.put('../etc/passwd', CONTENT)).rejects.toThrow(/Unsafe/);
    await expect(storage.get('/etc/passwd')).rejects.toThrow(/Unsafe/);
  });
});
