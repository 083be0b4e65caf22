import {
  indexedDocument,
  nameGrams,
  normaliseDocumentNumber,
  replyText,
  type SearchDocumentInput,
} from './search-document';

describe('normaliseDocumentNumber', () => {
  it.each([
    ['三民文〔2023〕21号', '三民文〔2023〕21号'],
    ['三民文[2023]21号', '三民文〔2023〕21号'],
    ['三民文（2023）21号', '三民文〔2023〕21号'],
    [' 三民文 【2023】 21号 ', '三民文〔2023〕21号'],
    ['［2023］', '〔2023〕'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDocumentNumber(input)).toBe(expected);
  });
});

describe('replyText', () => {
  it('reads the letter in order, headings apart, addressees as names', () => {
    expect(
      replyText({
        title: '对第146号提案的答复',
        addressees: { people: ['姚峥', '韩冰'], organisation: null },
        opening: '您提出的提案已收悉。',
        preamble: ['近年来，'],
        sections: [{ heading: '完善政策', paragraphs: ['出台意见。', ''] }, { paragraphs: ['无题。'] }],
        closing: ['感谢。'],
      }),
    ).toEqual({
      headings: '完善政策',
      body: '您提出的提案已收悉。\n近年来，\n完善政策\n出台意见。\n无题。\n感谢。',
      names: '姚峥、韩冰',
    });
  });

  it('copes with missing parts and an organisation', () => {
    expect(replyText({ addressees: { organisation: '民盟本溪市委' } })).toEqual({
      headings: '',
      body: '',
      names: '民盟本溪市委',
    });
  });
});

describe('indexedDocument', () => {
  it('adds the tsvector text of title, headings, names, 文号 and body', () => {
    const input: SearchDocumentInput = {
      docKind: 'archived_letter',
      sourceId: 'x',
      proposalId: null,
      sessionId: null,
      sessionLabel: null,
      bureauIds: [],
      visibleToAll: true,
      publicBody: null,
      issuedOn: null,
      proposalKind: null,
      proposalNumber: null,
      grade: null,
      state: 'archived',
      title: 'a',
      headings: 'b',
      body: 'c',
      documentNumber: 'n',
      names: 'm',
      datedOn: null,
    };
    const segmenter = { cut: (t: string) => t.split(' '), cutForSearch: (t: string) => t.split(' ') };
    expect(indexedDocument(input, segmenter, () => 1).tsv).toBe("'a':1A 'b':12B 'm':23B 'n':24B 'c':35C");
  });
});

describe('nameGrams', () => {
  it('gives every two-character run of each name', () => {
    expect(nameGrams('刘晓静、韩冰、民盟本溪市委')).toEqual([
      '刘晓',
      '晓静',
      '韩冰',
      '民盟',
      '盟本',
      '本溪',
      '溪市',
      '市委',
    ]);
    expect(nameGrams('')).toEqual([]);
    expect(nameGrams('王')).toEqual([]);
  });
});
