import { jiebaIdf, jiebaSegmenter } from '../jieba-segmenter';
import {
  anyOfQuery,
  anyPairQuery,
  buildSearchQuery,
  documentTerms,
  keyTerms,
  MAX_POSITIONS_PER_LEXEME,
  normaliseTerm,
  quoteLexeme,
  type Segmenter,
  tsvectorText,
  termWeights,
  cosine,
  sharedWording,
  shingles,
} from './search-text';

/** A segmenter that cuts on blanks; search mode also gives each word's two-character halves. */
const fake: Segmenter = {
  cut: (text) => text.split(/\s+/).filter(Boolean),
  cutForSearch: (text) =>
    text
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => (w.length === 4 ? [w.slice(0, 2), w.slice(2), w] : [w])),
};

describe('normaliseTerm', () => {
  it.each([
    ['养老', '养老'],
    ['  GDP ', 'gdp'],
    ['，', null],
    ['〔', null],
    ['的', null],
    ['关于', null],
    ['', null],
    ['2023', '2023'],
    ['x'.repeat(61), null],
  ])('%j → %j', (token, expected) => {
    expect(normaliseTerm(token)).toBe(expected);
  });
});

describe('quoteLexeme', () => {
  it('quotes and escapes quotes and backslashes', () => {
    expect(quoteLexeme('养老')).toBe("'养老'");
    expect(quoteLexeme("o'k")).toBe("'o''k'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});

describe('tsvectorText', () => {
  it('weights title A, headings B, body C, with positions running on across fields', () => {
    expect(tsvectorText({ title: '日间照料', headings: '养老', body: '照料 老人' }, fake)).toBe(
      "'日间':1A '照料':2A,35C '日间照料':3A '养老':14B '老人':36C",
    );
  });

  it('puts names and 文号 (extra) in B', () => {
    expect(tsvectorText({ title: '', headings: '', extra: '刘晓静', body: '' }, fake)).toBe("'刘晓静':21B");
  });

  it('keeps at most 255 positions of a word', () => {
    const body = Array.from({ length: 400 }, () => '养老').join(' ');
    const text = tsvectorText({ title: '', headings: '', body }, fake);
    expect(text.split(',').length).toBe(MAX_POSITIONS_PER_LEXEME);
  });

  it('is empty for an empty document', () => {
    expect(tsvectorText({ title: '', headings: '', body: '  ' }, fake)).toBe('');
  });

  it('indexes the words jieba finds in search mode', () => {
    const text = tsvectorText({ title: '社区居家养老服务中心建设', headings: '', body: '' }, jiebaSegmenter());
    for (const word of ['社区', '居家', '养老', '服务', '中心', '服务中心', '建设'])
      expect(text).toContain(`'${word}':`);
  });
});

describe('buildSearchQuery', () => {
  it('ANDs the words of the query', () => {
    expect(buildSearchQuery('养老 机构', fake)).toEqual({ tsquery: "'养老' & '机构'", terms: ['养老', '机构'] });
  });

  it('lets a long word match through its parts too', () => {
    expect(buildSearchQuery('日间照料', fake)).toEqual({
      tsquery: "('日间照料' | ('日间' & '照料'))",
      terms: ['日间照料', '日间', '照料'],
    });
  });

  it('drops punctuation, stop words and repeats; null when nothing is left', () => {
    expect(buildSearchQuery('养老 的 养老 ，', fake).tsquery).toBe("'养老'");
    expect(buildSearchQuery('  的 ， ', fake)).toEqual({ tsquery: null, terms: [] });
    expect(buildSearchQuery('', fake)).toEqual({ tsquery: null, terms: [] });
  });

  it('cuts Chinese with jieba: 日间照料中心 → 日间 & 照料 & 中心', () => {
    const built = buildSearchQuery('日间照料中心', jiebaSegmenter());
    expect(built.tsquery).toBe("'日间' & '照料' & '中心'");
    expect(built.terms).toEqual(['中心', '日间', '照料']);
  });

  it('matches a compound like 服务中心 by itself or by its parts', () => {
    expect(buildSearchQuery('服务中心', jiebaSegmenter()).tsquery).toBe("('服务中心' | ('服务' & '中心'))");
  });
});

describe('documentTerms and keyTerms', () => {
  it('documentTerms keeps words only', () => {
    expect(documentTerms('养老 ， 的 服务', fake)).toEqual(['养老', '服务']);
  });

  it('keyTerms ranks frequent rare words first and skips numbers and single characters', () => {
    const idf = (t: string) => (t === '照料' ? 10 : 1);
    expect(keyTerms('养老 养老 照料 2023 局 服务', fake, idf, 3)).toEqual(['照料', '养老', '服务']);
  });

  it('keyTerms of a real title name its subject', () => {
    const terms = keyTerms('关于提高社区养老服务水平的几点建议', jiebaSegmenter(), jiebaIdf(), 5);
    expect(terms).toEqual(expect.arrayContaining(['社区', '养老']));
  });

  it('anyOfQuery ORs the words', () => {
    expect(anyOfQuery(['养老', '照料'])).toBe("'养老' | '照料'");
    expect(anyOfQuery([])).toBeNull();
  });
});

describe('termWeights, cosine and sharedWording', () => {
  const idf = () => 1;

  it('termWeights keeps the best words at unit length, best first', () => {
    const weights = termWeights('养老 养老 养老 照料 服务', fake, idf, 2);
    expect(Object.keys(weights)).toEqual(['养老', '服务']);
    const length = Math.sqrt(Object.values(weights).reduce((s, w) => s + w * w, 0));
    expect(length).toBeCloseTo(1, 3);
    expect(termWeights('', fake, idf)).toEqual({});
  });

  it('cosine is 1 for the same words, 0 for none shared', () => {
    const a = termWeights('养老 照料', fake, idf);
    expect(cosine(a, a)).toBeCloseTo(1, 3);
    expect(cosine(a, termWeights('交通 道路', fake, idf))).toBe(0);
  });

  it('sharedWording measures reused sentences, ignoring blanks and punctuation', () => {
    const reused = '全市已建成社区日间照料中心四十二个';
    const a = shingles(`${reused}。另外新建了十个。`);
    const b = shingles(`今年：${reused}，成效明显`);
    expect(sharedWording(a, b)).toBeGreaterThan(0.5);
    expect(sharedWording(a, shingles('道路交通安全管理工作取得新进展'))).toBe(0);
    expect(sharedWording(new Set(), a)).toBe(0);
    expect([...shingles('一二三四五六七八九', 8)]).toEqual(['一二三四五六七八', '二三四五六七八九']);
  });
});

describe('anyPairQuery', () => {
  it('ORs every pair of the words; one word alone; null for none', () => {
    expect(anyPairQuery(['a', 'b', 'c'])).toBe("('a' & 'b') | ('a' & 'c') | ('b' & 'c')");
    expect(anyPairQuery(['a'])).toBe("'a'");
    expect(anyPairQuery([])).toBeNull();
  });
});
