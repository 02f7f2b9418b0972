import { describe, expect, it } from 'vitest';
import { effectiveRoles, hasAnyRole } from './roles.js';

describe('effectiveRoles', () => {
  it('should make everyone a member', () => {
    expect(effectiveRoles([], undefined)).toEqual(['member']);
  });

  it('should add the roster role and the token app roles, ignoring unknown ones', () => {
    expect(effectiveRoles(['Admin', 'Unknown'], 'lead')).toEqual(['member', 'lead', 'admin']);
  });

  it('should list each role once in canonical order', () => {
    expect(effectiveRoles(['Champion', 'Champion'], 'champion')).toEqual(['member', 'champion']);
  });
});

describe('hasAnyRole', () => {
  it('should allow when one held role is allowed and refuse otherwise', () => {
    expect(hasAnyRole(['member', 'lead'], ['lead', 'champion'])).toBe(true);
    expect(hasAnyRole(['member'], ['admin'])).toBe(false);
  });
});
