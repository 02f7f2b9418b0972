import {
  maxTasksPerDepartment,
  recommendedTasksPerDepartment,
  type WorkflowTaskView,
} from '../../../src/contracts/workflows.js';

export interface Department {
  readonly id: string;
  readonly name: string;
}

export interface DepartmentTasks {
  readonly department: Department;
  readonly tasks: readonly WorkflowTaskView[];
}

/** The department filter's value for "every department". */
export const allDepartments = '';

/**
 * Tasks under their departments in the program's order. One chosen department is shown even with
 * no tasks (so its team can start mapping); "all" shows only departments that mapped something.
 */
export function groupTasks(
  tasks: readonly WorkflowTaskView[],
  departments: readonly Department[],
  selected: string,
): DepartmentTasks[] {
  const known = new Set(departments.map((department) => department.id));
  const extra = tasks
    .map((task) => task.departmentId)
    .filter((id, index, all) => !known.has(id) && all.indexOf(id) === index)
    .map((id) => ({ id, name: id }));
  return [...departments, ...extra]
    .filter((department) => selected === allDepartments || department.id === selected)
    .map((department) => ({
      department,
      tasks: tasks.filter((task) => task.departmentId === department.id),
    }))
    .filter((group) => group.tasks.length > 0 || group.department.id === selected);
}

export function isAtTaskLimit(count: number): boolean {
  return count >= maxTasksPerDepartment;
}

/** Where a department stands against the 3-to-5 tasks a team maps. */
export function taskCountText(count: number): string {
  if (isAtTaskLimit(count)) {
    return `${count} of ${maxTasksPerDepartment} tasks mapped: the limit is reached. Edit or remove a task to map another.`;
  }
  if (count < recommendedTasksPerDepartment) {
    const left = recommendedTasksPerDepartment - count;
    return `${count} of ${maxTasksPerDepartment} tasks mapped. Teams map ${recommendedTasksPerDepartment} to ${maxTasksPerDepartment}: ${left} more to go.`;
  }
  return `${count} of ${maxTasksPerDepartment} tasks mapped.`;
}

/** "45 minutes", "1 hour 30 minutes", "2 hours". */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (value: number, unit: string): string => `${value} ${unit}${value === 1 ? '' : 's'}`;
  if (hours === 0) return part(rest, 'minute');
  if (rest === 0) return part(hours, 'hour');
  return `${part(hours, 'hour')} ${part(rest, 'minute')}`;
}
