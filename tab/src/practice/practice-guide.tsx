import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { practicePhases } from '../../../src/contracts/practice.js';
import { usePracticeStyles } from './practice.styles.js';

type PhaseId = (typeof practicePhases)[number]['id'];

const phaseTexts: Readonly<Record<PhaseId, string>> = {
  try: 'Everyone tries this week’s prompt on the scenario, or on a piece of their own work.',
  share: 'Two or three people show what they got: what worked, what needed fixing, what failed.',
  capture: 'Keep the prompts that worked: the bot sends them to the library as proposals.',
};

/** How a team lead runs the weekly 20 minutes inside a meeting the team already has. */
export function PracticeGuide(): JSX.Element {
  const styles = usePracticeStyles();
  return (
    <section aria-labelledby="practice-guide-title" className={styles.card}>
      <Text
        as="h3"
        id="practice-guide-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        How to run the 20 minutes
      </Text>
      <Text as="p" className={styles.muted}>
        No new meeting: take 20 minutes of one the team already has, once a week.
      </Text>
      <ol className={styles.phases}>
        {practicePhases.map((phase) => (
          <li key={phase.id}>
            <Text block weight="semibold">
              {phase.label} · {phase.minutes} minutes
            </Text>
            <Text block>{phaseTexts[phase.id]}</Text>
          </li>
        ))}
      </ol>
      <Text as="h4" size={400} weight="semibold" className={styles.heading}>
        Start it from the meeting chat
      </Text>
      <ul className={styles.commands}>
        <li>
          <Text>
            Type <code className={styles.code}>@Lastmile practice</code> in the meeting chat. The
            bot posts the session card with this week’s scenario and the three phases, and people
            mark on the card that they took part.
          </Text>
        </li>
        <li>
          <Text>
            Type <code className={styles.code}>@Lastmile practice schedule</code> once, and the bot
            posts the card by itself each time the meeting starts.
          </Text>
        </li>
        <li>
          <Text>
            Add Lastmile as a tab in the meeting and choose Practice: the side panel shows the
            scenario, a timer for the phases and who has joined in.
          </Text>
        </li>
      </ul>
    </section>
  );
}
PracticeGuide.displayName = 'PracticeGuide';
