import { describe, expect, it } from 'vitest';
import { ThrottleShare } from './throttle-share.js';

describe('ThrottleShare', () => {
  it('should give the throttled share of the requests in the window', () => {
    const share = new ThrottleShare(1000);
    for (let index = 0; index < 10; index += 1) share.record(100 + index, index < 2);
    expect(share.share(200)).toBeCloseTo(0.2);
  });

  it('should forget requests older than the window', () => {
    const share = new ThrottleShare(1000);
    share.record(0, true);
    share.record(1_100, false);
    expect(share.share(1_100)).toBe(0);
    expect(share.share(5_000)).toBe(0);
  });
});
