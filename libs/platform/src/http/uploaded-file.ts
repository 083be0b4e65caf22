import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  content: Buffer;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The single file of a multipart/form-data request (field name `file`), read into memory. */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart?.()) throw new DafuError(ErrorCode.ImportFileMissing);
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw new DafuError(ErrorCode.ImportFileMissing);
  const content = await part.toBuffer();
  if (part.file.truncated) throw new DafuError(ErrorCode.PayloadTooLarge, { maxBytes: MAX_UPLOAD_BYTES });
  return { filename: part.filename, mimetype: part.mimetype, content };
}
