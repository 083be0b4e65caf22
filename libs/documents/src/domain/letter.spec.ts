import { EXPECTED_LETTERS, seedSignedLetter } from '@dafu/testing/seed-letters';
import { composeLetter, composePreviewLetter, LetterFormat, type LetterSettings } from './letter';

const sanmenxia = EXPECTED_LETTERS.find((l) => l.file === 'sanmenxia-cppcc-8-1-146.txt')!;
const settings: LetterSettings = {
  format: LetterFormat.Document,
  headerTitle: '三门峡市民政局文件',
  printsGradeMark: true,
  seal: null,
};

describe('composeLetter', () => {
  const letter = composeLetter(seedSignedLetter(sanmenxia), settings);

  it('prints the number, 签发人 and the grade mark as the seed letter does', () => {
    expect(letter).toMatchObject({
      documentNumber: '三民文〔2023〕21号',
      signatoryLine: '签发人：李立明',
      gradeMark: '办理结果：A',
      headerTitle: '三门峡市民政局文件',
      format: LetterFormat.Document,
    });
  });

  it('numbers the sections 一、二、… and keeps their headings', () => {
    expect(letter.sections.map((s) => `${s.number}${s.heading}`)).toEqual(
      sanmenxia.sectionHeadings.map((heading, i) => `${'一二三四五六七八九十'[i]}、${heading}`),
    );
  });

  it('writes the date in Chinese and keeps the ISO date for the files’ metadata', () => {
    expect(letter.date).toBe('2023年6月30日');
    expect(letter.signedOn).toBe('2023-06-30');
  });

  it('composes the contact and cc lines the letter prints, and none where the letter has none', () => {
    const puyang = EXPECTED_LETTERS.find((l) => l.file === 'puyang-npc-9-1-269.txt')!;
    const withCc = composeLetter(
      { ...seedSignedLetter(puyang), documentNumber: '濮民函〔2023〕5号', signatoryName: '王华' },
      settings,
    );
    expect(withCc.contactLine).toBe('（联系人：郭振波\u3000联系电话：0393-6687009）');
    expect(withCc.ccLine).toMatch(/^抄送：.+（\d+份）。$/);
    expect([letter.contactLine, letter.ccLine]).toEqual([null, null]);
  });

  it('leaves the grade mark out where the bureau does not print it', () => {
    expect(composeLetter(seedSignedLetter(sanmenxia), { ...settings, printsGradeMark: false }).gradeMark).toBeNull();
  });

  it('drops blank paragraphs and trims the rest', () => {
    const signed = seedSignedLetter(sanmenxia);
    signed.content.closing = ['  感谢关心。 ', '   '];
    expect(composeLetter(signed, settings).closingParagraphs).toEqual(['感谢关心。']);
  });

  it('refuses a reply without its number or signatory: only signed replies become letters', () => {
    expect(() => composeLetter({ ...seedSignedLetter(sanmenxia), documentNumber: null }, settings)).toThrow(RangeError);
    expect(() => composeLetter({ ...seedSignedLetter(sanmenxia), signatoryName: null }, settings)).toThrow(RangeError);
  });
});

describe('composePreviewLetter', () => {
  const draft = { ...seedSignedLetter(sanmenxia), documentNumber: null, signatoryName: null, letterDate: '2026-05-04' };
  const seal = { content: Buffer.from('png'), contentType: 'image/png' as const };

  it('prints a placeholder for the 文号 not yet taken and 签发人 without a name, dated as given', () => {
    const letter = composePreviewLetter(draft, settings);
    expect(letter.documentNumber).toBe('〔文号待编〕');
    expect(letter.signatoryLine).toBe('签发人：');
    expect(letter.date).toBe('2026年5月4日');
    expect(letter.title).toBe(composeLetter(seedSignedLetter(sanmenxia), settings).title);
  });

  it('leaves the seal out of a draft but keeps its room; a signed reply prints as its letter', () => {
    expect(composePreviewLetter(draft, { ...settings, seal })).toMatchObject({ seal: null, sealRoomOnly: true });
    expect(composePreviewLetter(draft, settings)).toMatchObject({ seal: null, sealRoomOnly: false });
    const signed = seedSignedLetter(sanmenxia);
    expect(composePreviewLetter(signed, { ...settings, seal })).toEqual(composeLetter(signed, { ...settings, seal }));
  });
});
