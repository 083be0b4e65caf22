import type { Page } from 'playwright-core';

/**
 * Clicks a dialog's confirm button and returns "<status> <body>" of the POST it sends to the
 * path ("200 " when it succeeded, the body shown otherwise). On a starved CI machine a click has
 * reached the button with no request following, the action never made; the click is made
 * again, as the clerk would, only while no request has gone out.
 */
export async function confirmDialog(page: Page, confirmTestId: string, path: string): Promise<string> {
  const isTheRequest = (url: string, method: string) => method === 'POST' && url.endsWith(path);
  const answer = page.waitForResponse((r) => isTheRequest(r.url(), r.request().method()), { timeout: 60_000 });
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const sent = page
      .waitForRequest((r) => isTheRequest(r.url(), r.method()), { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    await page.getByTestId(confirmTestId).click();
    if (await sent) break;
  }
  const response = await answer;
  return `${response.status()} ${response.status() === 200 ? '' : await response.text()}`;
}
