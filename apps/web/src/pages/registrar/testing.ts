import { fireEvent, screen, waitFor } from '@testing-library/react';

/** Picks an option of an antd Select by its visible text: open the list, click the option. */
export async function chooseOption(select: HTMLElement, optionText: string): Promise<void> {
  fireEvent.mouseDown(select);
  const options = await screen.findAllByTitle(optionText);
  // Every select opened so far keeps its popup in the body; the one just opened is the last.
  const option = options.filter((el) => el.classList.contains('ant-select-item-option')).pop() ?? options[0];
  fireEvent.click(option);
  await waitFor(() => expect(select.closest('.ant-select')?.textContent ?? '').toContain(optionText));
}

/** Every field a user fills in the container has a label (a <label for>, a wrapping label or aria-label). */
export function expectEveryFieldLabelled(container: HTMLElement): void {
  const fields = [...container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].filter(
    (field) => field.type !== 'hidden',
  );
  expect(fields.length).toBeGreaterThan(0);
  const unlabelled = fields.filter(
    (field) =>
      (field.labels?.length ?? 0) === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'),
  );
  expect(unlabelled.map((field) => field.outerHTML)).toEqual([]);
}
