import {
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import {
  scoreboardPeopleSchema,
  type ScoreboardDepartment,
} from '../../../src/contracts/adoption.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { scoreboardPeoplePath, shortWeek } from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';

export interface DepartmentPeopleProps {
  readonly client: ApiClient;
  readonly department: ScoreboardDepartment;
  readonly weeks: number;
  readonly onClose: () => void;
}

/** Champions only: who in a department was active in which week, as a grid of check marks. */
export function DepartmentPeople({
  client,
  department,
  weeks,
  onClose,
}: DepartmentPeopleProps): JSX.Element {
  const styles = useScoreboardStyles();
  const people = useApiQuery(
    client,
    scoreboardPeoplePath(department.id, weeks),
    scoreboardPeopleSchema,
  );
  const data = people.state.status === 'success' ? people.state.data : undefined;
  const activeNow = data?.items.filter((person) => person.activeWeeks.at(-1) === true).length;

  return (
    <SidePanel
      title={`${department.name}: who was active`}
      intro={
        <Text className={styles.muted}>
          {data && activeNow !== undefined
            ? `${String(activeNow)} of ${String(data.items.length)} people active in the latest week. Only AI champions see this list.`
            : 'Only AI champions see this list.'}
        </Text>
      }
      onClose={onClose}
    >
      {people.state.status === 'loading' ? <LoadingState label="Loading the people" /> : null}
      {people.state.status === 'error' ? (
        <ProblemMessageBar problem={people.state.problem} onRetry={people.retry} />
      ) : null}
      {data && data.items.length === 0 ? (
        <Text>Nobody on the roster in this department.</Text>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className={styles.tableWrap}>
          <Table
            size="extra-small"
            aria-label={`Active weeks in ${department.name}`}
            className={styles.grid}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.person}>Person</TableHeaderCell>
                {data.weeks.map((week) => (
                  <TableHeaderCell key={week} className={styles.weekHead}>
                    <abbr title={week}>{shortWeek(week)}</abbr>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((person) => (
                <TableRow key={person.id}>
                  <TableCell className={styles.person}>
                    {person.displayName}
                    {person.eligible ? null : (
                      <Text size={200} className={styles.muted}>
                        {' '}
                        (not eligible)
                      </Text>
                    )}
                  </TableCell>
                  {data.weeks.map((week, index) =>
                    person.activeWeeks[index] === true ? (
                      <TableCell key={week} className={mergeClasses(styles.check, styles.active)}>
                        <span role="img" aria-label={`Active in ${week}`}>
                          ✓
                        </span>
                      </TableCell>
                    ) : (
                      <TableCell key={week} className={mergeClasses(styles.check, styles.inactive)}>
                        <span role="img" aria-label={`Not active in ${week}`}>
                          –
                        </span>
                      </TableCell>
                    ),
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </SidePanel>
  );
}
DepartmentPeople.displayName = 'DepartmentPeople';
