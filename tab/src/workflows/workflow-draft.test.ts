import { describe, expect, it } from 'vitest';
import {
  checkWorkflowDraft,
  draftFromTask,
  emptyHandoff,
  emptyStep,
  emptyWorkflowDraft,
  linesOf,
  moveItem,
} from './workflow-draft.js';

const content = {
  departmentId: 'strategy-consulting',
  name: 'Write a client proposal',
  description: 'From brief to sent proposal',
  steps: [{ text: 'Read the brief', actor: 'Consultant' }, { text: 'Draft the outline' }],
  handoffs: [{ fromRole: 'Consultant', toRole: 'Partner', what: 'Draft for review' }],
  frictionPoints: ['Finding past proposals'],
  aiOpportunities: ['First draft from the brief', 'Summarise the RFP'],
  baselineMinutes: 240,
  jobFamilyIds: ['consulting'],
};

describe('checkWorkflowDraft', () => {
  it('should read back a task it was made from', () => {
    expect(checkWorkflowDraft(draftFromTask(content))).toEqual({ ok: true, content });
  });

  it('should drop blank rows and lines before checking', () => {
    const draft = {
      ...draftFromTask(content),
      steps: [...draftFromTask(content).steps, emptyStep],
      handoffs: [emptyHandoff, ...draftFromTask(content).handoffs],
      frictionText: '\n  Finding past proposals  \n\n',
    };
    expect(checkWorkflowDraft(draft)).toEqual({ ok: true, content });
  });

  it('should name the fields at fault, including a half-filled handoff', () => {
    const check = checkWorkflowDraft({
      ...emptyWorkflowDraft('d1'),
      baselineMinutes: '12.5',
      handoffs: [{ fromRole: 'A', toRole: '', what: 'x' }],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toMatchObject({
      name: expect.any(String),
      steps: expect.any(String),
      baselineMinutes: 'Enter whole minutes from 1 to 10000',
      'handoffs.0.toRole': expect.any(String),
    });
  });

  it('should refuse a missing baseline rather than read it as zero', () => {
    const check = checkWorkflowDraft({ ...draftFromTask(content), baselineMinutes: ' ' });
    expect(check.ok ? undefined : check.errors.baselineMinutes).toBeDefined();
  });
});

describe('linesOf', () => {
  it('should keep the non-blank lines, trimmed', () => {
    expect(linesOf(' a \r\n\n b')).toEqual(['a', 'b']);
  });
});

describe('moveItem', () => {
  it('should swap an item with its neighbour and ignore moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
