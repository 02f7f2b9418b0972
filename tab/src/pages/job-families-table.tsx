import {
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { useJobFamiliesTableStyles } from './job-families-table.styles.js';
import { TableCard } from './table-card.js';

export interface JobFamiliesTableProps {
  readonly jobFamilies: ProgramOverview['jobFamilies'];
}

export function JobFamiliesTable({ jobFamilies }: JobFamiliesTableProps): JSX.Element {
  const styles = useJobFamiliesTableStyles();
  return (
    <TableCard
      titleId="job-families-title"
      title="Job families"
      emptyText="No job families yet. Each one gets its own 8-week curriculum once an admin adds it."
      isEmpty={jobFamilies.length === 0}
    >
      <Table size="small" aria-labelledby="job-families-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameColumn}>Name</TableHeaderCell>
            <TableHeaderCell>What they do</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobFamilies.map((family) => (
            <TableRow key={family.id}>
              <TableCell className={styles.nameColumn}>{family.name}</TableCell>
              <TableCell>
                <TableCellLayout truncate={false} className={styles.description}>
                  {family.description || '—'}
                </TableCellLayout>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}
JobFamiliesTable.displayName = 'JobFamiliesTable';
