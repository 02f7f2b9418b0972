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
import {
  departmentName,
  formatBaseline,
  formatChangePct,
  formatMinutes,
  formatOptionalPct,
} from './checkpoint-format.js';
import { useCheckpointStyles } from './checkpoint.styles.js';

export interface TaskTimesSectionProps {
  readonly checkpoint: Checkpoint;
}

const count = (value: number): string => new Intl.NumberFormat().format(value);

/** Is the work changing? Minutes per mapped task, baseline against now, with how many answered. */
export function TaskTimesSection({ checkpoint }: TaskTimesSectionProps): JSX.Element {
  const styles = useCheckpointStyles();
  return (
    <section aria-labelledby="checkpoint-tasks-title" className={styles.card}>
      <Text
        as="h3"
        id="checkpoint-tasks-title"
        size={500}
        weight="semibold"
        className={styles.sectionHeading}
      >
        Is the work changing? Time per mapped task
      </Text>
      <Text as="p" className={styles.muted}>
        From the weekly one-question pulse: the minutes the task last took, and whether AI helped.
        The baseline is the program’s first weeks; until they have enough answers it is the estimate
        made when the task was mapped, marked “(mapped)”. A change needs enough answers on both
        sides.
      </Text>
      {checkpoint.tasks.length === 0 ? (
        <Text>No pulse answers yet for any mapped task.</Text>
      ) : (
        <div className={styles.tableWrap} data-print="expand">
          <Table size="small" aria-label="Time per mapped task" className={styles.autoTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.nameColumn}>Task</TableHeaderCell>
                <TableHeaderCell>Department</TableHeaderCell>
                <TableHeaderCell>Baseline</TableHeaderCell>
                <TableHeaderCell>Baseline answers</TableHeaderCell>
                <TableHeaderCell>Now</TableHeaderCell>
                <TableHeaderCell>Answers now</TableHeaderCell>
                <TableHeaderCell>Change</TableHeaderCell>
                <TableHeaderCell>AI helped</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {checkpoint.tasks.map((task) => (
                <TableRow key={task.taskId}>
                  <TableCell>{task.name}</TableCell>
                  <TableCell>{departmentName(checkpoint, task.departmentId)}</TableCell>
                  <TableCell className={styles.numeric}>{formatBaseline(task)}</TableCell>
                  <TableCell className={styles.numeric}>{count(task.baselineSamples)}</TableCell>
                  <TableCell className={styles.numeric}>{formatMinutes(task.nowMinutes)}</TableCell>
                  <TableCell className={styles.numeric}>{count(task.nowSamples)}</TableCell>
                  <TableCell className={styles.numeric}>
                    {formatChangePct(task.changePct)}
                  </TableCell>
                  <TableCell className={styles.numeric}>
                    {formatOptionalPct(task.aiHelpedPct)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
TaskTimesSection.displayName = 'TaskTimesSection';
