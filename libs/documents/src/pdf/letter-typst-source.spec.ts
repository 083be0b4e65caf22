import { type Letter, LetterFormat } from '../domain/letter';
import { DEBIAN_LETTER_FONTS } from '../fonts/letter-fonts';
import { letterTypstSource, sealAssetPath, typstString } from './letter-typst-source';

const LETTER: Letter = {
  format: LetterFormat.Document,
  headerTitle: '三门峡市民政局文件',
  documentNumber: '三民文〔2023〕21号',
  signatoryLine: '签发人：李立明',
  gradeMark: '办理结果：A',
  title: '对市政协八届一次会议第146号提案的答复',
  addresseeLine: '姚峥、左锋杰、韩冰委员：',
  openingParagraphs: ['您提出的“关于积极应对人口老龄化的提案”已收悉。现答复如下：'],
  sections: [
    { number: '一、', heading: '完善政策配套，健全养老服务机制', paragraphs: ['我市积极贯彻落实。', '第二段。'] },
    { number: '二、', heading: '聚焦老有所养。', paragraphs: ['按照城乡统筹的要求。'] },
  ],
  headingsOnOwnLine: false,
  closingParagraphs: ['最后，感谢您的关心和支持。'],
  issuer: '三门峡市民政局',
  date: '2023年7月13日',
  contactLine: '（联系人：郭振波\u3000联系电话：0393-6687009）',
  ccLine: '抄送：市政协提案委（2份），市委市政府督查局（2份）。',
  seal: null,
  signedOn: '2023-07-13',
};

const SEAL = { content: Buffer.from('a png, as far as this test cares'), contentType: 'image/png' as const };

/** Every Typst string literal in the source, removed: what is left is the template alone. */
function withoutStringLiterals(source: string): string {
  return source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** What a Typst string literal evaluates to (the escapes typstString writes). */
function evaluateLiteral(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal
    .slice(1, -1)
    .replace(/\\u\{([0-9a-f]+)\}|\\(.)/g, (_, hex: string | undefined, escaped: string | undefined) => {
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      return { n: '\n', r: '\r', t: '\t' }[escaped as 'n' | 'r' | 't'] ?? (escaped as string);
    });
}

describe('typstString', () => {
  it.each([
    ['plain CJK', '对市政协提案的答复'],
    ['markup characters, inert inside a string', '*粗* _斜_ #let x = 1 $x^2$ @ref <label> [a] ]] `raw` ~ -- = + /'],
    ['backslashes and quotes', 'C:\\path\\"quoted"\\'],
    ['a trailing backslash', 'ends with \\'],
    ['line breaks and tabs', 'one\ntwo\r\nthree\tfour'],
    ['control characters', 'bell\u0007 nul\u0000 del\u007f c1\u0085'],
    ['astral characters', '𠀀𪚥 😀'],
  ])('round-trips %s', (_, text) => {
    const literal = typstString(text);
    expect(evaluateLiteral(literal)).toBe(text);
    // Nothing after the opening quote can close the literal early.
    expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*"/);
    const controls = [...literal].filter((ch) => (ch.codePointAt(0) as number) < 0x20 || ch === '\u007f');
    expect(controls).toEqual([]);
  });

  it('replaces a lone surrogate, which UTF-8 cannot carry, with U+FFFD', () => {
    expect(evaluateLiteral(typstString('a\ud800b\udc00'))).toBe('a\ufffdb\ufffd');
  });
});

describe('letterTypstSource', () => {
  const source = (letter: Partial<Letter> = {}) => letterTypstSource({ ...LETTER, ...letter }, DEBIAN_LETTER_FONTS);

  it('puts hostile text only inside string literals, so it prints as typed and runs nothing', () => {
    const hostile = 'X*粗*_斜_#set page(width: 1cm)$x$@ref<lbl>[a]\\"q"`r`]#{panic()}';
    const letter: Letter = {
      ...LETTER,
      headerTitle: hostile,
      documentNumber: hostile,
      signatoryLine: `签发人：${hostile}`,
      gradeMark: hostile,
      title: hostile,
      addresseeLine: hostile,
      openingParagraphs: [hostile],
      sections: [{ number: '一、', heading: hostile, paragraphs: [hostile] }],
      closingParagraphs: [hostile],
      issuer: hostile,
      date: hostile,
      contactLine: hostile,
      ccLine: hostile,
    };
    for (const headingsOnOwnLine of [true, false]) {
      const typst = letterTypstSource({ ...letter, headingsOnOwnLine }, DEBIAN_LETTER_FONTS);
      const template = withoutStringLiterals(typst);
      expect(template).not.toContain('粗');
      expect(template).not.toContain('panic');
      expect(template).not.toContain('lbl');
      expect(typst).toContain(typstString(hostile));
    }
  });

  it('runs a heading in before the first paragraph, ending it with a full stop once', () => {
    const typst = source({ headingsOnOwnLine: false });
    expect(typst).toContain(
      `#par[#face("heading", "一、完善政策配套，健全养老服务机制。")#"我市积极贯彻落实。"]\n\n#par("第二段。")`,
    );
    expect(typst).toContain(`#par[#face("heading", "二、聚焦老有所养。")#"按照城乡统筹的要求。"]`);
    expect(typst).not.toContain('聚焦老有所养。。');
  });

  it('sets a heading as its own paragraph when the bureau prints them on their own line', () => {
    const typst = source({ headingsOnOwnLine: true });
    expect(typst).toContain(
      `#par(face("heading", "一、完善政策配套，健全养老服务机制"))\n\n#par("我市积极贯彻落实。")\n\n#par("第二段。")`,
    );
    expect(typst).not.toContain('健全养老服务机制。');
  });

  it('keeps a short last paragraph with the issuer and date, so they do not stand alone on a page', () => {
    expect(source()).toContain(
      '#block(sticky: true)[#par("最后，感谢您的关心和支持。")]\n\n#block(sticky: true, blank-lines(',
    );
    expect(source({ closingParagraphs: [] })).toContain(
      '#block(sticky: true)[#par[#face("heading", "二、聚焦老有所养。")#"按照城乡统筹的要求。"]]',
    );
    // Four lines move with them at most: more would leave a page largely blank.
    const fourLines = '字'.repeat(4 * 28 - 2);
    expect(source({ closingParagraphs: [fourLines] })).toContain(`#block(sticky: true)[#par("${fourLines}")]`);
    expect(source({ closingParagraphs: [`${fourLines}字`] })).toContain(`\n#par("${fourLines}字")\n`);
    expect(source({ closingParagraphs: [`${fourLines}字`] })).not.toContain('#block(sticky: true)[');
  });

  it('prints the grade mark only when the letter carries one', () => {
    expect(source()).toContain('#let grade-mark = "办理结果：A"');
    expect(source({ gradeMark: null })).toContain('#let grade-mark = none');
  });

  it('prints the cc line as the 版记, ruled in the document format only', () => {
    expect(source()).toContain('#cc-block("抄送：市政协提案委（2份），市委市政府督查局（2份）。", true)');
    expect(source({ format: LetterFormat.Letter })).toContain('#cc-block("抄送：');
    expect(source({ format: LetterFormat.Letter })).toMatch(/#cc-block\("抄送：[^"]*", false\)/);
    expect(source({ ccLine: null })).not.toContain('#cc-block(');
  });

  it('prints the contact line only when there is one', () => {
    expect(source()).toContain('#par("（联系人：郭振波\u3000联系电话：0393-6687009）")');
    expect(source({ contactLine: null })).not.toContain('联系人');
  });

  it('chooses the header of the letter format', () => {
    const documentFormat = source();
    const letterFormat = source({ format: LetterFormat.Letter, headerTitle: '三门峡市民政局' });
    expect(documentFormat).toContain('#let format = "document"');
    expect(documentFormat).toContain('#blank-lines(document-title-line - 1)');
    expect(letterFormat).toContain('#let format = "letter"');
    expect(letterFormat).toContain('#blank-lines(letter-title-line - 1)');
    expect(letterFormat).toContain('#let header-title = "三门峡市民政局"');
  });

  it('splits the 签发人 line so the name can be set in Kai', () => {
    expect(source()).toContain('#let signatory = (label: "签发人：", name: "李立明")');
    expect(source({ signatoryLine: '签发人' })).toContain('#let signatory = (label: "签发人", name: "")');
    expect(source({ signatoryLine: '' })).toContain('#let signatory = none');
  });

  it('includes the seal, named after its content, only when the letter has one', () => {
    const withoutSeal = source();
    expect(withoutSeal).toContain('#signature("三门峡市民政局", "2023年7月13日", none)');
    expect(withoutSeal).toContain('#block(sticky: true, blank-lines(1))\n\n#signature(');
    expect(withoutSeal).not.toContain('/seal-');

    const withSeal = source({ seal: SEAL });
    expect(withSeal).toContain(`#signature("三门峡市民政局", "2023年7月13日", "${sealAssetPath(SEAL)}")`);
    expect(withSeal).toContain('#block(sticky: true, blank-lines(2))\n\n#signature(');
  });

  it('keeps the seal’s room without the seal for a preview, so the pages break as they will print', () => {
    const preview = source({ seal: null, sealRoomOnly: true });
    expect(preview).toContain(
      '#block(sticky: true, blank-lines(2))\n\n#signature("三门峡市民政局", "2023年7月13日", none)',
    );
    expect(preview).not.toContain('/seal-');
  });

  it('names seal files by content and type', () => {
    const png = sealAssetPath(SEAL);
    expect(png).toMatch(/^\/seal-[0-9a-f]{32}\.png$/);
    expect(sealAssetPath({ ...SEAL, contentType: 'image/jpeg' })).toBe(png.replace(/\.png$/, '.jpg'));
    expect(sealAssetPath({ ...SEAL, content: Buffer.from('another seal') })).not.toBe(png);
  });

  it('fixes the metadata, date included, so that renders are repeatable', () => {
    expect(source().split('\n')[0]).toBe(
      '#set document(title: "对市政协八届一次会议第146号提案的答复", author: "三门峡市民政局", ' +
        'keywords: ("三民文〔2023〕21号",), date: datetime(year: 2023, month: 7, day: 13))',
    );
    expect(() => source({ signedOn: '13/07/2023' })).toThrow(RangeError);
  });

  it('names the configured faces, each role first, and never falls back to system fonts', () => {
    const typst = source();
    expect(typst).toContain(
      'body: (font: ("FandolFang", "FandolKai", "Noto Sans CJK SC",), weight: 400), ' +
        'title: (font: ("Noto Serif CJK SC", "FandolFang", "FandolKai", "Noto Sans CJK SC",), weight: 900)',
    );
    expect(typst).toContain('fallback: false');
    const quoted = letterTypstSource(LETTER, {
      ...DEBIAN_LETTER_FONTS,
      kai: { ...DEBIAN_LETTER_FONTS.kai, family: 'Kai "Pro"' },
    });
    expect(quoted).toContain('kai: (font: ("Kai \\"Pro\\"", "FandolFang", "Noto Sans CJK SC",), weight: 400)');
  });

  it('is pure: the same letter gives the same source', () => {
    expect(source({ seal: SEAL })).toBe(source({ seal: SEAL }));
  });
});
