import { describe, expect, it } from 'vitest';
import { findCardElements } from '../../tests/support/bot-framework.js';
import {
  expectCleanCard,
  expectValidCard,
  hostileTextWith,
  textBlocks,
  textRuns,
} from '../../tests/support/card-checks.js';
import {
  maxPulseMinutes,
  type PulseCardData,
  pulseWeekLabel,
  renderPulseCard,
} from './pulse-cards.js';

const hostileText = hostileTextWith('taskName');

const question: PulseCardData = {
  week: '2026-W48',
  taskId: 'prepare-steering-update',
  taskName: 'Prepare a steering committee update',
  baselineMinutes: 240,
  values: { minutes: null, aiHelped: false },
  answered: null,
  error: '',
};

function actionsOf(card: unknown): Record<string, unknown>[] {
  return ['Action.Execute', 'Action.Submit', 'Action.OpenUrl'].flatMap((type) =>
    findCardElements(card, type),
  );
}

function inputOf(card: unknown, type: string): Record<string, unknown> | undefined {
  const inputs = findCardElements(card, type);
  expect(inputs).toHaveLength(1);
  return inputs[0];
}

describe('renderPulseCard', () => {
  it('should ask for the minutes and whether AI helped, answered with answerPulse', () => {
    const card = renderPulseCard(question);
    expectCleanCard(card);
    expect(inputOf(card, 'Input.Number')).toMatchObject({
      id: 'minutes',
      min: 1,
      max: maxPulseMinutes,
      isRequired: true,
      errorMessage: `Enter the minutes, from 1 to ${String(maxPulseMinutes)}.`,
      label: 'Minutes it took',
    });
    expect(inputOf(card, 'Input.Number')).not.toHaveProperty('value');
    expect(inputOf(card, 'Input.Toggle')).toMatchObject({
      id: 'aiHelped',
      valueOn: 'true',
      valueOff: 'false',
      value: 'false',
    });
    expect(actionsOf(card)).toEqual([
      {
        type: 'Action.Execute',
        verb: 'answerPulse',
        title: 'Send',
        style: 'positive',
        data: { taskId: 'prepare-steering-update' },
      },
    ]);
    expect(textRuns(card)).toEqual(['Prepare a steering committee update']);
    expect(textBlocks(card)).toContain('Week of 23 November 2026');
    expect(textBlocks(card)).toContain('Your team mapped it at 240 minutes before AI.');
  });

  it('should start the form from an answer being changed, and show an error above it', () => {
    const card = renderPulseCard({
      ...question,
      baselineMinutes: null,
      values: { minutes: 95, aiHelped: true },
      error: 'Enter the minutes.',
    });
    expectCleanCard(card);
    expect(inputOf(card, 'Input.Number')).toMatchObject({ id: 'minutes', value: 95 });
    expect(inputOf(card, 'Input.Toggle')).toMatchObject({ value: 'true' });
    expect(textRuns(card)).toEqual(['Enter the minutes.', 'Prepare a steering committee update']);
    expect(JSON.stringify(card)).not.toContain('before AI');
  });

  it('should thank the person and show what was recorded, with a way to change it', () => {
    const card = renderPulseCard({
      ...question,
      answered: { taskName: 'Prepare a steering committee update', minutes: 1, aiHelped: true },
    });
    expectCleanCard(card);
    expect(findCardElements(card, 'Input.Number')).toEqual([]);
    expect(findCardElements(card, 'Input.Toggle')).toEqual([]);
    expect(textBlocks(card)).toContain('Thank you. This is what we recorded for this week:');
    expect(textBlocks(card)).toContain('1 minute · AI helped');
    expect(actionsOf(card)).toEqual([
      { type: 'Action.Execute', verb: 'editPulse', title: 'Change my answer' },
    ]);
    const notHelped = renderPulseCard({
      ...question,
      answered: { taskName: 'Board pack', minutes: 45, aiHelped: false },
    });
    expect(textBlocks(notHelped)).toContain('45 minutes · AI did not help');
    expect(textRuns(notHelped)).toEqual(['Board pack']);
  });

  it('should keep a hostile task name as plain text in both states', () => {
    for (const answered of [null, { taskName: hostileText, minutes: 30, aiHelped: false }]) {
      const card = renderPulseCard({ ...question, taskName: hostileText, answered });
      expectValidCard(card);
      expect(textRuns(card)).toContain(hostileText);
      expect(textBlocks(card)).not.toContain(hostileText);
      expect(findCardElements(card, 'Image')).toEqual([]);
    }
  });

  it('should refuse minutes out of range and a malformed week', () => {
    expect(() =>
      renderPulseCard({ ...question, values: { minutes: 0, aiHelped: false } }),
    ).toThrow();
    expect(() =>
      renderPulseCard({
        ...question,
        answered: { taskName: 'x', minutes: maxPulseMinutes + 1, aiHelped: true },
      }),
    ).toThrow();
    expect(() => renderPulseCard({ ...question, week: '2026-48' })).toThrow();
  });
});

describe('pulseWeekLabel', () => {
  it('should name the Monday the ISO week starts on, also across a year end', () => {
    expect(pulseWeekLabel('2026-W01')).toBe('Week of 29 December 2025');
  });
});
