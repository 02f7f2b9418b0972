import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { formatCount, formatIsoDate } from './format.js';
import { useProgramFactsStyles } from './program-facts.styles.js';

export interface ProgramFactsProps {
  readonly settings: NonNullable<ProgramOverview['settings']>;
  readonly headcount: number;
}

interface Fact {
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

function factsOf({ settings, headcount }: ProgramFactsProps): readonly Fact[] {
  return [
    {
      label: 'Organisation',
      value: settings.organisationName,
      note: 'Running this AI program',
    },
    {
      label: 'People',
      value: formatCount(headcount),
      note: 'On the roster',
    },
    {
      label: 'Program start',
      value: formatIsoDate(settings.programStart),
      note: 'Day 1 of the 90-day plan',
    },
    {
      label: 'Weekly active target',
      value: `${settings.wauTargetPct}%`,
      note: `Groups under ${settings.minGroupSize} people are never shown`,
    },
  ];
}

export function ProgramFacts(props: ProgramFactsProps): JSX.Element {
  const styles = useProgramFactsStyles();
  return (
    <dl className={styles.grid}>
      {factsOf(props).map((fact) => (
        <div key={fact.label} className={styles.card}>
          <dt className={styles.label}>{fact.label}</dt>
          <dd className={styles.valueCell}>
            <Text size={600} weight="semibold" className={styles.value}>
              {fact.value}
            </Text>
            <Text size={200} className={styles.note}>
              {fact.note}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
ProgramFacts.displayName = 'ProgramFacts';
