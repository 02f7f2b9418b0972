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
import { formatPct } from '../scoreboard/scoreboard-format.js';
import { formatOptionalPct, wauChangeText } from './checkpoint-format.js';
import { useCheckpointStyles } from './checkpoint.styles.js';

export interface UsageSectionProps {
  readonly checkpoint: Checkpoint;
  /** From the program's settings; the checkpoint itself does not carry it. */
  readonly minGroupSize: number | undefined;
}

/** Weekly active share at the start of the program and now, overall and per department. */
export function UsageSection({ checkpoint, minGroupSize }: UsageSectionProps): JSX.Element {
  const styles = useCheckpointStyles();
  const { overall } = checkpoint;
  const withheldText =
    minGroupSize === undefined
      ? 'Too few people — withheld for privacy'
      : `Fewer than ${String(minGroupSize)} people — withheld for privacy`;
  return (
    <section aria-labelledby="checkpoint-usage-title" className={styles.card}>
      <Text
        as="h3"
        id="checkpoint-usage-title"
        size={500}
        weight="semibold"
        className={styles.sectionHeading}
      >
        Is it used? Weekly active share
      </Text>
      <Text as="p" className={styles.muted}>
        {checkpoint.startWeek} against {checkpoint.nowWeek}, target{' '}
        {formatPct(checkpoint.targetPct)}.
      </Text>
      <div className={styles.tableWrap} data-print="expand">
        <Table size="small" aria-labelledby="checkpoint-usage-title" className={styles.autoTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nameColumn}>Department</TableHeaderCell>
              <TableHeaderCell>Eligible</TableHeaderCell>
              <TableHeaderCell>At start</TableHeaderCell>
              <TableHeaderCell>Now</TableHeaderCell>
              <TableHeaderCell>Change</TableHeaderCell>
              <TableHeaderCell>Lessons completed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>
                <Text weight="semibold">Overall</Text>
              </TableCell>
              <TableCell className={styles.numeric}>
                {new Intl.NumberFormat().format(overall.eligible)}
              </TableCell>
              <TableCell className={styles.numeric}>{formatPct(overall.wauPctStart)}</TableCell>
              <TableCell className={styles.numeric}>{formatPct(overall.wauPctNow)}</TableCell>
              <TableCell className={styles.numeric}>
                {wauChangeText(overall.wauPctStart, overall.wauPctNow)}
              </TableCell>
              <TableCell className={styles.numeric}>—</TableCell>
            </TableRow>
            {checkpoint.departments.map((department) => (
              <TableRow key={department.id}>
                <TableCell>{department.name}</TableCell>
                {department.suppressed ? (
                  <TableCell colSpan={5} className={styles.withheld}>
                    {withheldText}
                  </TableCell>
                ) : (
                  <>
                    <TableCell className={styles.numeric}>
                      {department.eligible === undefined
                        ? '—'
                        : new Intl.NumberFormat().format(department.eligible)}
                    </TableCell>
                    <TableCell className={styles.numeric}>
                      {formatOptionalPct(department.wauPctStart)}
                    </TableCell>
                    <TableCell className={styles.numeric}>
                      {formatOptionalPct(department.wauPctNow)}
                    </TableCell>
                    <TableCell className={styles.numeric}>
                      {wauChangeText(department.wauPctStart, department.wauPctNow)}
                    </TableCell>
                    <TableCell className={styles.numeric}>
                      {formatOptionalPct(department.lessonCompletionPct)}
                    </TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
UsageSection.displayName = 'UsageSection';
