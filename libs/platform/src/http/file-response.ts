import { StreamableFile } from '@nestjs/common';

/** Characters encodeURIComponent leaves alone but RFC 5987's attr-char does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition naming the file as an RFC 5987 `filename*` (the real, often Chinese
 * name, which every current browser prefers) and, when given, an ASCII `filename` for old clients.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string, asciiFallback?: string): string {
  const fallback =
    asciiFallback === undefined ? '' : ` filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}";`;
  return `${kind};${fallback} filename*=UTF-8''${rfc5987(filename)}`;
}

export interface DownloadFile {
  content: Buffer;
  contentType: string;
  filename: string;
  asciiFilename?: string;
}

/** A file answered as a download (or shown in the browser, `inline`), with its length and name. */
export function fileResponse(file: DownloadFile, kind: 'attachment' | 'inline' = 'attachment'): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    length: file.content.length,
    disposition: contentDisposition(kind, file.filename, file.asciiFilename),
  });
}
