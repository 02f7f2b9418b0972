import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { Checkpoint } from '../../../src/contracts/adoption.js';
import { actionLabels } from '../flags/flag-format.js';
import { formatHours } from '../scoreboard/scoreboard-format.js';
import { keyLabel } from './checkpoint-format.js';
import { useCheckpointStyles } from './checkpoint.styles.js';

export interface FeedbackSectionProps {
  readonly checkpoint: Checkpoint;
}

interface Count {
  readonly label: string;
  readonly value: string;
}

const count = (value: number): string => new Intl.NumberFormat().format(value);

const outcomeLabel = (key: string): string =>
  key in actionLabels ? actionLabels[key as keyof typeof actionLabels] : keyLabel(key);

function Counts({
  label,
  items,
}: {
  readonly label: string;
  readonly items: readonly Count[];
}): JSX.Element {
  const styles = useCheckpointStyles();
  return (
    <dl className={styles.counts} aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className={styles.countRow}>
          <dt className={styles.countLabel}>{item.label}</dt>
          <dd className={styles.countValue}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The feedback loop over the 90 days: flags raised and resolved, and improvements suggested. */
export function FeedbackSection({ checkpoint }: FeedbackSectionProps): JSX.Element {
  const styles = useCheckpointStyles();
  const { flags, improvements } = checkpoint;
  const outcomes = Object.entries(flags.byOutcome).filter(([, value]) => value > 0);
  const statuses = Object.entries(improvements.byStatus).filter(([, value]) => value > 0);
  return (
    <div className={styles.columns}>
      <section aria-labelledby="checkpoint-flags-title" className={styles.card}>
        <Text
          as="h3"
          id="checkpoint-flags-title"
          size={500}
          weight="semibold"
          className={styles.sectionHeading}
        >
          Flags on AI output
        </Text>
        <Counts
          label="Flag counts"
          items={[
            { label: 'Raised', value: count(flags.raised) },
            { label: 'Resolved', value: count(flags.resolved) },
            { label: 'Still open', value: count(flags.open) },
            {
              label: 'Median time to resolution',
              value:
                flags.medianHoursToResolution === undefined
                  ? 'None resolved yet'
                  : formatHours(flags.medianHoursToResolution),
            },
          ]}
        />
        <Text as="h4" weight="semibold" className={styles.sectionHeading}>
          Resolved by outcome
        </Text>
        {outcomes.length === 0 ? (
          <Text className={styles.muted}>No flag resolved yet.</Text>
        ) : (
          <Counts
            label="Resolved flags by outcome"
            items={outcomes.map(([key, value]) => ({
              label: outcomeLabel(key),
              value: count(value),
            }))}
          />
        )}
        <Text
          as="h4"
          id="checkpoint-top-prompts"
          weight="semibold"
          className={styles.sectionHeading}
        >
          Most flagged prompts
        </Text>
        {flags.topPrompts.length === 0 ? (
          <Text className={styles.muted}>No prompt has been flagged.</Text>
        ) : (
          <Table size="extra-small" aria-labelledby="checkpoint-top-prompts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Prompt</TableHeaderCell>
                <TableHeaderCell>Flags</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {flags.topPrompts.map((prompt) => (
                <TableRow key={prompt.promptId}>
                  <TableCell>{prompt.title}</TableCell>
                  <TableCell className={styles.numeric}>{count(prompt.flags)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="checkpoint-improvements-title" className={styles.card}>
        <Text
          as="h3"
          id="checkpoint-improvements-title"
          size={500}
          weight="semibold"
          className={styles.sectionHeading}
        >
          Workflow improvements
        </Text>
        <Counts
          label="Improvement counts"
          items={[
            { label: 'Suggested', value: count(improvements.suggested) },
            { label: 'Pushed to the vendor', value: count(improvements.pushedToVendor) },
          ]}
        />
        <Text as="h4" weight="semibold" className={styles.sectionHeading}>
          By status
        </Text>
        {statuses.length === 0 ? (
          <Text className={styles.muted}>No improvement suggested yet.</Text>
        ) : (
          <Counts
            label="Improvements by status"
            items={statuses.map(([key, value]) => ({ label: keyLabel(key), value: count(value) }))}
          />
        )}
      </section>
    </div>
  );
}
FeedbackSection.displayName = 'FeedbackSection';
