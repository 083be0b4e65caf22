/** What bureaus attach to opinions, talks and drafts: office documents, PDFs, scans and photos. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

type Signature = 'pdf' | 'zip' | 'ole' | 'jpeg' | 'png' | 'text';

const TYPES: Record<string, { contentType: string; signature: Signature }> = {
  pdf: { contentType: 'application/pdf', signature: 'pdf' },
  ofd: { contentType: 'application/ofd', signature: 'zip' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'zip' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'zip' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', signature: 'zip' },
  doc: { contentType: 'application/msword', signature: 'ole' },
  xls: { contentType: 'application/vnd.ms-excel', signature: 'ole' },
  wps: { contentType: 'application/vnd.ms-works', signature: 'ole' },
  jpg: { contentType: 'image/jpeg', signature: 'jpeg' },
  jpeg: { contentType: 'image/jpeg', signature: 'jpeg' },
  png: { contentType: 'image/png', signature: 'png' },
  txt: { contentType: 'text/plain', signature: 'text' },
};

export const ALLOWED_ATTACHMENT_EXTENSIONS = Object.keys(TYPES);

function startsWith(content: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => content[i] === byte);
}

function matches(signature: Signature, content: Buffer): boolean {
  switch (signature) {
    case 'pdf':
      return startsWith(content, [0x25, 0x50, 0x44, 0x46]);
    case 'zip':
      return startsWith(content, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole':
      return startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'jpeg':
      return startsWith(content, [0xff, 0xd8, 0xff]);
    case 'png':
      return startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'text':
      // UTF-8 or GBK alike; a NUL byte means it is not text at all.
      return !content.includes(0);
  }
}

export type AttachmentProblem = 'empty' | 'too_large' | 'type_not_allowed' | 'content_mismatch';

/**
 * Accepts a file by its extension and checks that its bytes are what the extension says, so an
 * executable renamed to .pdf is refused. Returns the content type to serve it with.
 */
export function checkAttachment(
  filename: string,
  content: Buffer,
  maxBytes = MAX_ATTACHMENT_BYTES,
): { problem: AttachmentProblem } | { problem: null; contentType: string } {
  if (content.length === 0) return { problem: 'empty' };
  if (content.length > maxBytes) return { problem: 'too_large' };
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[extension];
  if (!type) return { problem: 'type_not_allowed' };
  if (!matches(type.signature, content)) return { problem: 'content_mismatch' };
  return { problem: null, contentType: type.contentType };
}

/** A file name safe to store and to send back: no path, no control characters, at most 255 characters. */
export function cleanFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return [...(cleaned || 'attachment')].slice(-255).join('');
}
