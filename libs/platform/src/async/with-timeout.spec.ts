import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the answer that comes in time, and leaves no timer behind', async () => {
    jest.useFakeTimers();
    await expect(withTimeout(Promise.resolve('pong'), 1000, 'timeout after 1000 ms')).resolves.toBe('pong');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('refuses with the message when the answer is late', async () => {
    jest.useFakeTimers();
    const late = withTimeout(new Promise(() => undefined), 1000, 'timeout after 1000 ms');
    jest.advanceTimersByTime(1000);
    await expect(late).rejects.toThrow('timeout after 1000 ms');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('passes a failure on as it is, and clears the timer', async () => {
    jest.useFakeTimers();
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000, 'late')).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });
});
