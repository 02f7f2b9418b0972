import { describe, expect, it } from 'vitest';
import { checkResolution, emptyResolutionDraft } from './resolution-draft.js';

describe('the resolution draft', () => {
  it('should require a reason to dismiss a flag', () => {
    expect(checkResolution(emptyResolutionDraft)).toEqual({
      ok: false,
      errors: { note: 'Fill this in' },
    });
  });

  it('should send a prompt adjustment with its version as a number', () => {
    expect(
      checkResolution({
        ...emptyResolutionDraft,
        action: 'prompt-adjusted',
        promptId: ' p1 ',
        promptVersion: '3',
      }),
    ).toEqual({
      ok: true,
      resolution: { action: 'prompt-adjusted', promptId: 'p1', promptVersion: 3 },
    });
  });

  it('should name the missing vendor and reference of an escalation', () => {
    const check = checkResolution({ ...emptyResolutionDraft, action: 'escalated-to-vendor' });
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : Object.keys(check.errors).sort()).toEqual(['reference', 'vendor']);
  });
});
