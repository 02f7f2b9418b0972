import { describe, expect, it } from 'vitest';
import {
  actionText,
  actorRolesText,
  actorText,
  auditPath,
  isAuditWeekChoice,
  signInText,
  weekSpanText,
} from './audit-log-text.js';

describe('audit log texts', () => {
  it('should describe a recorded route in words', () => {
    expect(actionText('POST /api/improvements/:id/status')).toBe('Changed an improvement’s status');
    expect(actionText('DELETE /api/api-keys/:id')).toBe('Revoked an API key');
    expect(actionText('PUT /api/program/settings')).toBe('Changed the program settings');
  });

  it('should show a route it has no words for as recorded', () => {
    expect(actionText('POST /api/data-rights/erasure')).toBe('POST /api/data-rights/erasure');
    // An inherited property name is not a description.
    expect(actionText('constructor')).toBe('constructor');
  });

  it('should say how the actor signed in', () => {
    expect(signInText('token')).toBe('Teams SSO');
    expect(signInText('dev')).toBe('Dev sign-in');
    expect(signInText('apiKey')).toBe('API key');
  });

  it('should name the actor, falling back to their id', () => {
    expect(actorText({ actorId: 'u-1', actorName: 'Dana Whitfield' })).toBe('Dana Whitfield');
    expect(actorText({ actorId: 'u-1' })).toBe('u-1');
  });

  it('should list the actor’s roles, but none for an API key', () => {
    expect(actorRolesText({ actorRoles: ['member', 'champion'], via: 'dev' })).toBe('AI champion');
    expect(actorRolesText({ actorRoles: ['champion', 'admin'], via: 'token' })).toBe(
      'AI champion, Admin',
    );
    expect(actorRolesText({ actorRoles: ['member'], via: 'apiKey' })).toBeUndefined();
  });

  it('should ask for the picked weeks, as JSON or as CSV', () => {
    expect(auditPath(13)).toBe('/api/audit?weeks=13');
    expect(auditPath(52, 'csv')).toBe('/api/audit?weeks=52&format=csv');
  });

  it('should accept only the offered spans of weeks', () => {
    expect(isAuditWeekChoice('13')).toBe(true);
    expect(isAuditWeekChoice(52)).toBe(true);
    expect(isAuditWeekChoice('8')).toBe(false);
  });

  it('should give the span of weeks from the oldest to the newest', () => {
    expect(weekSpanText(['2026-W09', '2026-W10', '2026-W11'])).toBe('2026-W09 to 2026-W11');
    expect(weekSpanText(['2026-W11'])).toBe('2026-W11');
    expect(weekSpanText([])).toBe('no weeks');
  });
});
