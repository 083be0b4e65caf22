import { looksLikeDocumentNumber, nameCondition, scopeCondition } from './search.service';

describe('search conditions', () => {
  it('scopeCondition: the city reads everything, a bureau its own and what is visible to all', () => {
    const params: unknown[] = ['x'];
    expect(scopeCondition({ kind: 'city' }, params)).toBeNull();
    expect(scopeCondition({ kind: 'bureau', bureauId: 'b-1' }, params)).toBe(
      '(d.visible_to_all OR $2::uuid = ANY (d.bureau_ids))',
    );
    expect(params).toEqual(['x', 'b-1']);
  });

  it('nameCondition: name grams for two characters, trigram ILIKE for three to twenty, nothing otherwise', () => {
    const params: unknown[] = [];
    expect(nameCondition('韩冰', params)).toBe('d.name_grams @> $1::text[]');
    expect(nameCondition('刘晓静', params)).toBe('d.names ILIKE $2');
    expect(nameCondition('王', params)).toBeNull();
    expect(nameCondition('长'.repeat(21), params)).toBeNull();
    expect(params).toEqual([['韩冰'], '%刘晓静%']);
    const escaped: unknown[] = [];
    nameCondition('a_%b', escaped);
    expect(escaped).toEqual(['%a\\_\\%b%']);
  });

  it.each([
    ['三民文〔2023〕21号', true],
    ['[2023]', true],
    ['21号', true],
    ['日间照料', false],
    ['刘晓静', false],
  ])('looksLikeDocumentNumber(%s) is %s', (text, expected) => {
    expect(looksLikeDocumentNumber(text)).toBe(expected);
  });
});
