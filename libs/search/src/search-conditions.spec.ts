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

  it('scopeCondition: another bureau’s public reply shows a bureau reader once published in its body', () => {
    const params: unknown[] = [];
    const cutoffs = [
      { body: 'cppcc', cutoff: '2026-11-05' },
      { body: 'npc', cutoff: '2026-12-06' },
    ];
    expect(scopeCondition({ kind: 'bureau', bureauId: 'b-1' }, params, cutoffs)).toBe(
      '(d.visible_to_all OR $1::uuid = ANY (d.bureau_ids)' +
        ' OR (d.public_body = $2::session_body AND d.issued_on <= $3::date)' +
        ' OR (d.public_body = $4::session_body AND d.issued_on <= $5::date))',
    );
    expect(params).toEqual(['b-1', 'cppcc', '2026-11-05', 'npc', '2026-12-06']);
    expect(scopeCondition({ kind: 'city' }, params, cutoffs)).toBeNull();
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
