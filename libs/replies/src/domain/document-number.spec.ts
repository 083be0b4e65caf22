import { formatDocumentNumber, parseDocumentNumber } from './document-number';

describe('formatDocumentNumber', () => {
  it('writes the number the way the 三门峡 letter prints it', () => {
    expect(formatDocumentNumber('三民文', 2023, 21)).toBe('三民文〔2023〕21号');
  });

  it.each([
    ['焦民文', 2024, 1, '焦民文〔2024〕1号'],
    [' 濮民文 ', 2023, 305, '濮民文〔2023〕305号'],
    ['本政办函', 2022, 1014, '本政办函〔2022〕1014号'],
  ])('%p %i %i → %s', (prefix, year, sequence, expected) => {
    expect(formatDocumentNumber(prefix, year, sequence)).toBe(expected);
  });

  it.each([
    ['', 2023, 1],
    ['  ', 2023, 1],
    ['三民文', 2023, 0],
    ['三民文', 2023, -3],
    ['三民文', 2023, 1.5],
    ['三民文', 23, 1],
    ['三民文', 2023.5, 1],
  ])('refuses prefix %p, year %p, sequence %p', (prefix, year, sequence) => {
    expect(() => formatDocumentNumber(prefix, year, sequence)).toThrow(RangeError);
  });
});

describe('parseDocumentNumber', () => {
  it.each([
    ['三民文〔2023〕21号', { prefix: '三民文', year: 2023, sequence: 21 }],
    ['三民文[2023]21号', { prefix: '三民文', year: 2023, sequence: 21 }],
    ['三民文（2023）21号', { prefix: '三民文', year: 2023, sequence: 21 }],
    ['三民文(2023)021号', { prefix: '三民文', year: 2023, sequence: 21 }],
    ['三民文［2023］第21号', { prefix: '三民文', year: 2023, sequence: 21 }],
  ])('reads %p', (text, expected) => {
    expect(parseDocumentNumber(text)).toEqual(expected);
  });

  it.each(['', '三民文2023年21号', '〔2023〕21号', '三民文〔2023〕号', '三民文〔2023〕0号', '三民文〔23〕21号'])(
    'refuses %p',
    (text) => {
      expect(parseDocumentNumber(text)).toBeNull();
    },
  );

  it('round-trips what it formats', () => {
    for (const sequence of [1, 9, 10, 99, 100, 12345]) {
      expect(parseDocumentNumber(formatDocumentNumber('三民文', 2023, sequence))).toEqual({
        prefix: '三民文',
        year: 2023,
        sequence,
      });
    }
  });
});
