import { describe, expect, it } from 'vitest';
import type { PromptStatus } from '../../../src/contracts/prompts.js';
import { statusActions } from './prompt-permissions.js';

const owner = { userId: 'u1' };
const champion = { userId: 'u2' };
const prompt = (status: PromptStatus, statuses: PromptStatus[]) => ({
  ownerId: 'u1',
  status,
  permissions: { edit: true, statuses },
});
const labels = (...args: Parameters<typeof statusActions>) =>
  statusActions(...args).map((action) => [action.to, action.label]);

describe('statusActions', () => {
  it('should offer exactly the statuses the server allows, in its order', () => {
    expect(labels(champion, prompt('in-review', ['published', 'draft']))).toEqual([
      ['published', 'Publish'],
      ['draft', 'Send back'],
    ]);
    expect(labels(champion, prompt('published', ['retired', 'in-review']))).toEqual([
      ['retired', 'Retire'],
      ['in-review', 'Reopen for review'],
    ]);
    expect(labels(owner, prompt('in-review', ['draft']))).toEqual([['draft', 'Withdraw']]);
    expect(labels(owner, prompt('published', []))).toEqual([]);
  });

  it('should word a step by where the prompt is as well as where it goes', () => {
    expect(labels(owner, prompt('draft', ['in-review']))).toEqual([
      ['in-review', 'Submit for review'],
    ]);
    expect(labels(owner, prompt('retired', ['published']))).toEqual([['published', 'Restore']]);
  });

  it('should ask for a note for the owner when a reviewer sends a proposal back', () => {
    const [sendBack] = statusActions(champion, prompt('in-review', ['draft']));
    const [withdraw] = statusActions(owner, prompt('in-review', ['draft']));

    expect(sendBack?.noteLabel).toBe('Note for the owner');
    expect(withdraw?.noteLabel).toBe('Note (optional)');
  });

  it('should still offer a step the server allows that the tab has no words for', () => {
    expect(labels(champion, prompt('draft', ['published']))).toEqual([
      ['published', 'Mark as published'],
    ]);
  });
});
