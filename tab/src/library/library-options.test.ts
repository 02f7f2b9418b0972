import { describe, expect, it } from 'vitest';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import { libraryOptions, optionName } from './library-options.js';

const task = (id: string, departmentId: string): WorkflowTaskView => ({
  id,
  departmentId,
  name: `Task ${id}`,
  description: '',
  steps: [{ text: 'Do it' }],
  handoffs: [],
  frictionPoints: [],
  aiOpportunities: [],
  baselineMinutes: 30,
  jobFamilyIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u',
  etag: 'e',
  promptCount: 0,
});

describe('libraryOptions', () => {
  it('should group tasks under their departments in the program’s order, skipping empty ones', () => {
    const options = libraryOptions(
      {
        departments: [
          { id: 'd1', name: 'One' },
          { id: 'd2', name: 'Two' },
          { id: 'd3', name: 'Three' },
        ],
        jobFamilies: [{ id: 'j1', name: 'Family', description: 'x' }],
        headcount: 3,
      },
      [task('a', 'd3'), task('b', 'd1'), task('c', 'd3'), task('d', 'unknown')],
    );
    expect(options.taskGroups.map((group) => [group.department.name, group.tasks.length])).toEqual([
      ['One', 1],
      ['Three', 2],
      ['unknown', 1],
    ]);
    expect(options.jobFamilies).toEqual([{ id: 'j1', name: 'Family' }]);
    expect(options.tasks).toHaveLength(4);
  });

  it('should offer nothing, and be not ready, before the program and tasks have loaded', () => {
    expect(libraryOptions(undefined, undefined)).toEqual({
      ready: false,
      jobFamilies: [],
      taskGroups: [],
      tasks: [],
    });
  });
});

describe('optionName', () => {
  const overview = { departments: [], jobFamilies: [], headcount: 0 };

  it('should name a known task, show nothing while loading, and the id once it is unknown', () => {
    const loaded = libraryOptions(overview, [task('t1', 'd1')]);
    expect(optionName(loaded, 'tasks', 't1')).toBe('Task t1');
    expect(optionName(loaded, 'tasks', 'gone')).toBe('gone');
    expect(optionName(libraryOptions(overview, undefined), 'tasks', 't1')).toBe('');
  });
});
