import { Badge, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import {
  diagnosisColours,
  diagnosisLabels,
  sortedDiagnosis,
  subjectText,
  type Diagnosis,
} from './checkpoint-format.js';
import { useCheckpointStyles } from './checkpoint.styles.js';

export interface DiagnosisListProps {
  readonly diagnosis: readonly Diagnosis[];
}

/** Where the numbers are flat and where to look first: training, workflow mapping or a prompt. */
export function DiagnosisList({ diagnosis }: DiagnosisListProps): JSX.Element {
  const styles = useCheckpointStyles();
  const needsWork = diagnosis.filter((item) => item.kind !== 'on-track').length;
  return (
    <section aria-labelledby="checkpoint-diagnosis-title" className={styles.diagnosis}>
      <Text
        as="h3"
        id="checkpoint-diagnosis-title"
        size={500}
        weight="semibold"
        className={styles.sectionHeading}
      >
        Diagnosis: where to look
      </Text>
      <Text as="p" className={styles.muted}>
        {diagnosis.length === 0
          ? 'Nothing to report yet: the diagnosis needs a few weeks of usage and pulse answers.'
          : needsWork === 0
            ? 'Every area is on track.'
            : `${String(needsWork)} ${needsWork === 1 ? 'finding needs' : 'findings need'} a look, most important first.`}
      </Text>
      {diagnosis.length > 0 ? (
        <ul className={styles.diagnosisList} aria-label="Diagnosis">
          {sortedDiagnosis(diagnosis).map((item) => (
            <li
              key={`${item.kind}:${item.subject.kind}:${item.subject.id}`}
              className={styles.finding}
            >
              <div className={styles.findingHead}>
                <Badge appearance="tint" shape="rounded" color={diagnosisColours[item.kind]}>
                  {diagnosisLabels[item.kind]}
                </Badge>
                <Text weight="semibold">{subjectText(item.subject)}</Text>
              </div>
              <Text>{item.finding}</Text>
              <Text as="p" className={styles.lookAt}>
                <Text weight="semibold">Where to look:</Text> {item.lookAt}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
DiagnosisList.displayName = 'DiagnosisList';
