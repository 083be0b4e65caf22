/** What /verify answers about an uploaded PDF. */
export enum VerificationVerdict {
  /** Byte for byte the file the bureau signed. */
  Authentic = 'authentic',
  /** Made from a letter the bureau signed, but changed since. */
  Altered = 'altered',
  /** Not a letter this system issued. */
  Unknown = 'unknown',
}

export interface UploadFacts {
  /** Its SHA-256 is that of a PDF the system stored. */
  storedFile: boolean;
  /** Its signature vouches for the content of a PDF the system stored. */
  vouchesForStoredLetter: boolean;
}

/**
 * Only the stored hash makes a file authentic: a valid signature alone would accept a copy with
 * an incremental update appended after signing. A signature that vouches for one of our letters
 * on a file that is not that letter means the copy was altered.
 */
export function judgeUpload(facts: UploadFacts): VerificationVerdict {
  if (facts.storedFile) return VerificationVerdict.Authentic;
  if (facts.vouchesForStoredLetter) return VerificationVerdict.Altered;
  return VerificationVerdict.Unknown;
}
