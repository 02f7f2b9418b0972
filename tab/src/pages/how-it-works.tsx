import { Card, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useHowItWorksStyles } from './how-it-works.styles.js';

interface Step {
  readonly title: string;
  readonly text: string;
}

const steps: readonly Step[] = [
  {
    title: 'Map the work first',
    text: 'Each team maps the 3 to 5 tasks that matter, with their steps, handoffs and friction, before anyone opens an AI tool.',
  },
  {
    title: 'Learn by doing',
    text: 'Five-minute lessons for your job family arrive weekly in chat, and team leads run a 20-minute practice in meetings you already have.',
  },
  {
    title: 'Share what works',
    text: 'A prompt library built together, tagged by job and task, with an owner who reviews every proposal and keeps it current.',
  },
  {
    title: 'Close the loop',
    text: 'Flag AI output that was wrong or unhelpful, hear what was done about it, and see honest numbers on whether the work is changing.',
  },
];

export function HowItWorks(): JSX.Element {
  const styles = useHowItWorksStyles();
  return (
    <section aria-labelledby="how-it-works-title">
      <Text as="h3" id="how-it-works-title" size={500} weight="semibold" className={styles.title}>
        How Lastmile works
      </Text>
      <ol className={styles.grid}>
        {steps.map((step, index) => (
          <li key={step.title} className={styles.item}>
            <Card className={styles.card}>
              <span className={styles.number} aria-hidden="true">
                {index + 1}
              </span>
              <Text as="h4" size={400} weight="semibold" className={styles.stepTitle}>
                {step.title}
              </Text>
              <Text as="p" className={styles.text}>
                {step.text}
              </Text>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
HowItWorks.displayName = 'HowItWorks';
