import { describe, expect, it } from 'vitest';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import {
  allDepartments,
  groupTasks,
  isAtTaskLimit,
  minutesText,
  taskCountText,
} from './workflow-groups.js';

const task = (id: string, departmentId: string): WorkflowTaskView => ({
  id,
  departmentId,
  name: id,
  description: '',
  steps: [{ text: 'Step' }],
  handoffs: [],
  frictionPoints: [],
  aiOpportunities: [],
  baselineMinutes: 10,
  jobFamilyIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u',
  etag: 'e',
  promptCount: 0,
});

const departments = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
  { id: 'c', name: 'Gamma' },
];

describe('groupTasks', () => {
  it('should group every department’s tasks in the program’s order, leaving out empty ones', () => {
    const groups = groupTasks(
      [task('t1', 'c'), task('t2', 'a'), task('t3', 'c')],
      departments,
      allDepartments,
    );
    expect(groups.map((group) => [group.department.name, group.tasks.map((t) => t.id)])).toEqual([
      ['Alpha', ['t2']],
      ['Gamma', ['t1', 't3']],
    ]);
  });

  it('should show a chosen department even before it mapped a task', () => {
    expect(groupTasks([task('t1', 'a')], departments, 'b')).toEqual([
      { department: { id: 'b', name: 'Beta' }, tasks: [] },
    ]);
  });

  it('should keep tasks of a department the program no longer lists', () => {
    const groups = groupTasks([task('t1', 'gone')], departments, allDepartments);
    expect(groups).toEqual([
      { department: { id: 'gone', name: 'gone' }, tasks: [task('t1', 'gone')] },
    ]);
  });
});

describe('task limit', () => {
  it('should be reached at five tasks', () => {
    expect(isAtTaskLimit(4)).toBe(false);
    expect(isAtTaskLimit(5)).toBe(true);
  });

  it('should say where a department stands', () => {
    expect(taskCountText(1)).toBe('1 of 5 tasks mapped. Teams map 3 to 5: 2 more to go.');
    expect(taskCountText(4)).toBe('4 of 5 tasks mapped.');
    expect(taskCountText(5)).toContain('the limit is reached');
  });
});

describe('minutesText', () => {
  it('should write durations in hours and minutes', () => {
    expect(minutesText(45)).toBe('45 minutes');
    expect(minutesText(60)).toBe('1 hour');
    expect(minutesText(90)).toBe('1 hour 30 minutes');
    expect(minutesText(121)).toBe('2 hours 1 minute');
  });
});
