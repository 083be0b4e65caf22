import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { UploadedLetterFile } from './archive-files';
import { ARCHIVE_LIMITS } from './domain/archive-import';

/**
 * Every file part of a multipart request (any field name), each cut off at the per-file limit
 * rather than failing the request: an oversized file is reported as such, its neighbours imported.
 * Parts beyond the file limit are not read at all.
 */
export async function readUploadedLetterFiles(request: FastifyRequest): Promise<{
  files: UploadedLetterFile[];
  skipped: number;
}> {
  if (!request.isMultipart?.()) throw new DafuError(ErrorCode.ArchiveFilesMissing);
  const files: UploadedLetterFile[] = [];
  let skipped = 0;
  const parts = request.files({
    limits: { fileSize: ARCHIVE_LIMITS.maxFileBytes, files: ARCHIVE_LIMITS.maxFiles + 1 },
    throwFileSizeLimit: false,
  });
  for await (const part of parts) {
    if (files.length >= ARCHIVE_LIMITS.maxFiles) {
      part.file.resume();
      skipped += 1;
      continue;
    }
    const content = await part.toBuffer();
    files.push({ name: part.filename || part.fieldname, content, truncated: part.file.truncated });
  }
  if (files.length === 0) throw new DafuError(ErrorCode.ArchiveFilesMissing);
  return { files, skipped };
}
