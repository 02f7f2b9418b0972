import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { TableCard } from './table-card.js';

export interface DepartmentsTableProps {
  readonly departments: ProgramOverview['departments'];
}

export function DepartmentsTable({ departments }: DepartmentsTableProps): JSX.Element {
  return (
    <TableCard
      titleId="departments-title"
      title="Departments"
      emptyText="No departments yet. An admin adds them on the Program page."
      isEmpty={departments.length === 0}
    >
      <Table size="small" aria-labelledby="departments-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {departments.map((department) => (
            <TableRow key={department.id}>
              <TableCell>{department.name}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}
DepartmentsTable.displayName = 'DepartmentsTable';
