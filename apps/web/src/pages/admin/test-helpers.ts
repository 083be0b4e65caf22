import { fireEvent, waitFor, within } from '@testing-library/react';

/** The rows of the antd table(s) on the page (cheaper than role queries over antd's DOM). */
export function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('tr[data-row-key]')];
}

/** The open drawer or modal. */
export async function dialog() {
  return within(await waitFor(() => document.querySelector('[role="dialog"]') as HTMLElement));
}

/** Picks an option of an antd Select by its text. */
export async function choose(combobox: HTMLElement, option: string): Promise<void> {
  fireEvent.mouseDown(combobox);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}
