import { describe, expect, it } from 'vitest';
import { audienceText, rolesText } from './role-labels.js';

describe('role labels', () => {
  it('should list several roles on one line', () => {
    expect(rolesText(['champion', 'admin'])).toBe('AI champion, Admin');
  });

  it('should leave out member when someone holds a further role', () => {
    expect(rolesText(['member', 'champion'])).toBe('AI champion');
    expect(rolesText(['member'])).toBe('Member');
  });

  it('should name an audience in a sentence', () => {
    expect(audienceText(['champion', 'admin'])).toBe('AI champions and admins');
    expect(audienceText(['lead'])).toBe('team leads');
  });
});
