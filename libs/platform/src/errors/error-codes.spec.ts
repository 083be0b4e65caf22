import { describeError, ErrorCode } from './error-codes';

describe('describeError', () => {
  it.each(Object.values(ErrorCode))('%s has a status and a message in Chinese and English', (code) => {
    const { status, zh, en } = describeError(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^[A-Z]/);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('keeps 5xx for internal errors and unavailable dependencies only: everything else is the client’s to fix', () => {
    const serverErrors = Object.values(ErrorCode).filter((code) => describeError(code).status >= 500);
    expect(serverErrors).toEqual([ErrorCode.Internal, ErrorCode.DatabaseUnavailable, ErrorCode.ServiceUnavailable]);
  });

  it('has no two codes with the same value', () => {
    const values = Object.values(ErrorCode);
    expect(new Set(values).size).toBe(values.length);
  });
});
