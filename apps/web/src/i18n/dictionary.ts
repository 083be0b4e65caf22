/** The English of a page's dictionary: the same keys, a function where Chinese has one. */
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export interface Dictionary<T> {
  zh: Translation<T>;
  en: Translation<T>;
}

/**
 * A page's own words, kept beside the page: Chinese first, and English with exactly the same keys
 * (the type says so), so a missing translation fails the type check instead of showing a key.
 */
export function defineMessages<T extends object>(zh: T, en: Translation<NoInfer<T>>): Dictionary<T> {
  return { zh: zh as Translation<T>, en };
}
