import type { z } from 'zod';

/**
 * A schema's complaint in words a person filling in a form understands. Messages the schemas
 * word themselves (patterns such as tags) are kept; zod's generic ones are rephrased.
 */
export function fieldMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') {
    const minimum = Number(issue.minimum);
    if (issue.origin === 'string') {
      return minimum <= 1 ? 'Fill this in' : `Write at least ${minimum} characters`;
    }
    if (issue.origin === 'array')
      return minimum <= 1 ? 'Add at least one' : `Add at least ${minimum}`;
    return `Enter at least ${minimum}`;
  }
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum);
    if (issue.origin === 'string') return `Keep it to ${maximum} characters or fewer`;
    if (issue.origin === 'array') return `Keep it to ${maximum} or fewer`;
    return `Enter at most ${maximum}`;
  }
  if (issue.code === 'invalid_format' && issue.message.startsWith('must')) {
    return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return issue.message;
}
