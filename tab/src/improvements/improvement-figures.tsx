import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ImprovementCounts } from '../../../src/contracts/feedback.js';
import { formatCount } from '../pages/format.js';
import { useImprovementsStyles } from './improvements.styles.js';

export interface ImprovementFiguresProps {
  readonly counts: ImprovementCounts;
}

/** The counts the scoreboard reports: suggested and pushed to the vendor, and what is under way. */
export function ImprovementFigures({ counts }: ImprovementFiguresProps): JSX.Element {
  const styles = useImprovementsStyles();
  const figures = [
    { label: 'Suggested', value: counts.suggested },
    { label: 'Planned', value: counts.byStatus.planned },
    { label: 'Done', value: counts.byStatus.done },
    { label: 'Pushed to vendor', value: counts.pushedToVendor },
  ];
  return (
    <dl className={styles.figures} aria-label="Improvement counts">
      {figures.map((figure) => (
        <div key={figure.label} className={styles.figure}>
          <dt className={styles.figureLabel}>{figure.label}</dt>
          <dd className={styles.figureValue}>
            <Text size={600} weight="semibold">
              {formatCount(figure.value)}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
ImprovementFigures.displayName = 'ImprovementFigures';
