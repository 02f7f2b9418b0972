import { describe, expect, it } from 'vitest';
import { type PulseView, pulseViewSchema } from '../../src/contracts/pulse.js';
import { demoPersonUpn } from '../../src/domain/demo-tenant.js';
import { noPageProblems, useTabSession } from '../support/chromium.js';
import { getAs } from '../support/http.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;

describe("this week's pulse on the tab's Home page", () => {
  const tab = useTabSession({ waitMs });

  const pulseOf = (upn: string): Promise<PulseView> =>
    getAs(tab.app.url, '/api/pulse', upn, (body) => pulseViewSchema.parse(body));

  /** The demo program answers for about a third of people a week: find one it left out. */
  async function unansweredPerson(): Promise<{ upn: string; taskName: string }> {
    for (let number = 60; number < 100; number += 1) {
      const upn = demoPersonUpn(number);
      const view = await pulseOf(upn);
      if (view.question !== null && view.answer === null) {
        return { upn, taskName: view.question.taskName };
      }
    }
    throw new Error('No demo person without a pulse answer this week among 40');
  }

  it('should let a person answer the pulse, see what was recorded, and change it', async () => {
    const { upn, taskName } = await unansweredPerson();
    const { page, problems } = await tab.open(upn, '#/home');
    const card = page.getByRole('region', { name: "This week's pulse" });
    await card.getByText(taskName).waitFor();

    await card.getByRole('button', { name: 'Send' }).click();
    await card.getByText('Enter the minutes it took as a whole number.').waitFor();

    await card.getByRole('spinbutton', { name: 'Minutes it took' }).fill('25');
    await card.getByRole('switch', { name: 'AI helped with it' }).check();
    await card.getByRole('button', { name: 'Send' }).click();
    await card.getByText('Thank you: your answer is recorded.').waitFor();
    await card.getByText('25 minutes, and AI helped').waitFor();
    expect((await pulseOf(upn)).answer).toMatchObject({ minutes: 25, aiHelped: true });

    await card.getByRole('button', { name: 'Change my answer' }).click();
    const minutes = card.getByRole('spinbutton', { name: 'Minutes it took' });
    expect(await minutes.inputValue()).toBe('25');
    await minutes.fill('40');
    await card.getByRole('switch', { name: 'AI helped with it' }).uncheck();
    await card.getByRole('button', { name: 'Send' }).click();
    await card.getByText('40 minutes, and AI did not help').waitFor();
    expect((await pulseOf(upn)).answer).toMatchObject({ minutes: 40, aiHelped: false });

    expect(problems).toEqual(noPageProblems);
  });
});
