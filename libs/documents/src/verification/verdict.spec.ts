import { judgeUpload, VerificationVerdict } from './verdict';

describe('judgeUpload', () => {
  it.each([
    [true, true, VerificationVerdict.Authentic],
    [true, false, VerificationVerdict.Authentic],
    [false, true, VerificationVerdict.Altered],
    [false, false, VerificationVerdict.Unknown],
  ])('stored file %s, vouches for a stored letter %s: %s', (storedFile, vouchesForStoredLetter, verdict) => {
    expect(judgeUpload({ storedFile, vouchesForStoredLetter })).toBe(verdict);
  });
});
