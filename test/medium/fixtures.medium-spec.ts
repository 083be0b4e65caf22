import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COPY = join(__dirname, '../fixtures/seeds');
const SHARED = join(__dirname, '../../../shared/fixtures/seeds');

describe('Seed letter fixtures', () => {
  const sharedPresent = existsSync(SHARED);

  (sharedPresent ? it : it.skip)('are the same as shared/fixtures/seeds', () => {
    const shared = readdirSync(SHARED).sort();
    expect(readdirSync(COPY).sort()).toEqual(shared);
    for (const file of shared) {
      expect({ file, same: readFileSync(join(COPY, file)).equals(readFileSync(join(SHARED, file))) }).toEqual({
        file,
        same: true,
      });
    }
  });

  it('hold five letters described in expected.json', () => {
    const expected = JSON.parse(readFileSync(join(COPY, 'expected.json'), 'utf8')) as { letters: { file: string }[] };
    expect(expected.letters).toHaveLength(5);
    for (const letter of expected.letters) expect(existsSync(join(COPY, letter.file))).toBe(true);
  });
});
