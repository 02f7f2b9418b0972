import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { Scoreboard, ScoreboardDepartment } from '../../../src/contracts/adoption.js';
import { formatPct, formatPointChange, latestTwo } from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';

export interface DepartmentTableProps {
  readonly scoreboard: Scoreboard;
  /** Champions only: opens a department's people. Absent, the control is not shown. */
  readonly onOpenPeople?: ((department: ScoreboardDepartment) => void) | undefined;
}

const lastOf = (series: readonly number[] | undefined): string =>
  series?.at(-1) === undefined ? '—' : new Intl.NumberFormat().format(series.at(-1) ?? 0);

function changeText(department: ScoreboardDepartment): string {
  const { now, before } = latestTwo(department.wauPct);
  return now === undefined || before === undefined ? '—' : formatPointChange(now - before);
}

/** This week's figures per department; a group under the minimum size shows no figures at all. */
export function DepartmentTable({ scoreboard, onOpenPeople }: DepartmentTableProps): JSX.Element {
  const styles = useScoreboardStyles();
  const columns = onOpenPeople ? 8 : 7;
  const withheldText = `Fewer than ${String(scoreboard.minGroupSize)} people — withheld for privacy`;
  return (
    <section aria-labelledby="scoreboard-departments-title" className={styles.card}>
      <Text
        as="h3"
        id="scoreboard-departments-title"
        size={500}
        weight="semibold"
        className={styles.sectionHeading}
      >
        Departments this week
      </Text>
      {scoreboard.departments.length === 0 ? (
        <Text className={styles.muted}>No departments on the roster yet.</Text>
      ) : (
        <div className={styles.tableWrap}>
          <Table size="small" aria-labelledby="scoreboard-departments-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.nameColumn}>Department</TableHeaderCell>
                <TableHeaderCell>Eligible</TableHeaderCell>
                <TableHeaderCell>Active</TableHeaderCell>
                <TableHeaderCell>Weekly active</TableHeaderCell>
                <TableHeaderCell>Since last week</TableHeaderCell>
                <TableHeaderCell>Lessons completed</TableHeaderCell>
                <TableHeaderCell>Practice attendance</TableHeaderCell>
                {onOpenPeople ? <TableHeaderCell>People</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {scoreboard.departments.map((department) => (
                <TableRow key={department.id}>
                  <TableCell>
                    <span className={styles.nameCell}>
                      {department.name}
                      {department.straggler ? (
                        <Badge
                          appearance="tint"
                          color="warning"
                          shape="rounded"
                          className={styles.badge}
                        >
                          Needs coaching
                        </Badge>
                      ) : null}
                    </span>
                  </TableCell>
                  {department.suppressed ? (
                    <TableCell colSpan={columns - 1} className={styles.withheld}>
                      {withheldText}
                    </TableCell>
                  ) : (
                    <>
                      <TableCell className={styles.numeric}>
                        {department.eligible === undefined
                          ? '—'
                          : new Intl.NumberFormat().format(department.eligible)}
                      </TableCell>
                      <TableCell className={styles.numeric}>{lastOf(department.active)}</TableCell>
                      <TableCell className={styles.numeric}>
                        {department.wauPct?.at(-1) === undefined
                          ? '—'
                          : formatPct(department.wauPct.at(-1) ?? 0)}
                      </TableCell>
                      <TableCell className={styles.numeric}>{changeText(department)}</TableCell>
                      <TableCell className={styles.numeric}>
                        {lastOf(department.lessonsCompleted)}
                      </TableCell>
                      <TableCell className={styles.numeric}>
                        {lastOf(department.practiceAttendance)}
                      </TableCell>
                      {onOpenPeople ? (
                        <TableCell>
                          <Button
                            size="small"
                            appearance="subtle"
                            className={styles.badge}
                            aria-label={`Show people in ${department.name}`}
                            onClick={() => onOpenPeople(department)}
                          >
                            Show people
                          </Button>
                        </TableCell>
                      ) : null}
                    </>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
DepartmentTable.displayName = 'DepartmentTable';
