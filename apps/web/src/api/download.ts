import { ApiError } from './errors';

/** The file name a Content-Disposition header gives (RFC 5987 filename* first), or null. */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1].trim() : null;
}

/**
 * Fetches a file with the session's token (a plain link would carry none) and hands it to the
 * browser as a download under the name the API gave it.
 */
export async function downloadFile(
  fetchWithSession: (request: Request) => Promise<Response>,
  url: string,
  fallbackName: string,
): Promise<string> {
  const response = await fetchWithSession(new Request(url));
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ConstructorParameters<typeof ApiError>[1];
    throw new ApiError(response.status, body && typeof body.code === 'string' ? body : null);
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
