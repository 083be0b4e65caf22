import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
import type { Segmenter } from './domain/search-text';

let jieba: Jieba | undefined;
let idfTable: Map<string, number> | undefined;
let medianIdf = 10;

/** One jieba per process: loading the dictionary takes a few hundred milliseconds. */
export function jiebaSegmenter(): Segmenter {
  jieba ??= Jieba.withDict(dict);
  const instance = jieba;
  return {
    // HMM on both sides: a name jieba does not know (韩冰) is glued the same way in a query as in a document.
    cut: (text) => instance.cut(text, true),
    cutForSearch: (text) => instance.cutForSearch(text, true),
  };
}

/** Inverse document frequency from jieba's own table; words it lacks get the median. */
export function jiebaIdf(): (term: string) => number {
  if (!idfTable) {
    const table = new Map<string, number>();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const [word, value] = line.trim().split(/\s+/);
      if (word && value) table.set(word, Number(value));
    }
    const values = [...table.values()].sort((a, b) => a - b);
    medianIdf = values.length > 0 ? values[Math.floor(values.length / 2)] : 10;
    idfTable = table;
  }
  const table = idfTable;
  return (term) => table.get(term) ?? medianIdf;
}
