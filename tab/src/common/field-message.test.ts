import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessage } from './field-message.js';

const firstIssue = (schema: z.ZodType, value: unknown): z.core.$ZodIssue => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  const [issue] = parsed.error.issues;
  if (!issue) throw new Error('expected an issue');
  return issue;
};

describe('fieldMessage', () => {
  it('should ask for a missing or short text in plain words', () => {
    expect(fieldMessage(firstIssue(z.string().min(1), ''))).toBe('Fill this in');
    expect(fieldMessage(firstIssue(z.string().min(10), 'short'))).toBe(
      'Write at least 10 characters',
    );
    expect(fieldMessage(firstIssue(z.string().max(3), 'long'))).toBe(
      'Keep it to 3 characters or fewer',
    );
  });

  it('should ask for list items and numbers in plain words', () => {
    expect(fieldMessage(firstIssue(z.array(z.string()).min(1), []))).toBe('Add at least one');
    expect(fieldMessage(firstIssue(z.number().max(5), 6))).toBe('Enter at most 5');
  });

  it('should keep a message the schema words itself, capitalised', () => {
    const tag = z.string().regex(/^[a-z]+$/, 'must be lowercase letters');
    expect(fieldMessage(firstIssue(tag, 'A1'))).toBe('Must be lowercase letters');
  });
});
