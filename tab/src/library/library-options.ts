import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';

export interface NamedOption {
  readonly id: string;
  readonly name: string;
}

export interface TaskGroup {
  readonly department: NamedOption;
  readonly tasks: readonly NamedOption[];
}

/** What the library's filters and forms offer: job families, and tasks grouped by department. */
export interface LibraryOptions {
  /** Whether the program and the tasks have loaded, so an unknown id is really unknown. */
  readonly ready: boolean;
  readonly jobFamilies: readonly NamedOption[];
  readonly taskGroups: readonly TaskGroup[];
  /** Every task, for naming a prompt's tasks. */
  readonly tasks: readonly NamedOption[];
}

export const noLibraryOptions: LibraryOptions = {
  ready: false,
  jobFamilies: [],
  taskGroups: [],
  tasks: [],
};

/** Groups mapped tasks under their departments, in the program's department order. */
export function libraryOptions(
  overview: ProgramOverview | undefined,
  tasks: readonly WorkflowTaskView[] | undefined,
): LibraryOptions {
  if (tasks === undefined) return { ...noLibraryOptions, ...withoutTasks(overview) };
  const departments = overview?.departments ?? [];
  const departmentIds = [
    ...departments.map((department) => department.id),
    ...tasks.map((task) => task.departmentId),
  ].filter((id, index, all) => all.indexOf(id) === index);
  const taskGroups = departmentIds
    .map((id) => ({
      department: { id, name: departments.find((department) => department.id === id)?.name ?? id },
      tasks: tasks
        .filter((task) => task.departmentId === id)
        .map((task) => ({ id: task.id, name: task.name })),
    }))
    .filter((group) => group.tasks.length > 0);
  return {
    ready: overview !== undefined,
    ...withoutTasks(overview),
    taskGroups,
    tasks: tasks.map((task) => ({ id: task.id, name: task.name })),
  };
}

function withoutTasks(overview: ProgramOverview | undefined): Pick<LibraryOptions, 'jobFamilies'> {
  return { jobFamilies: (overview?.jobFamilies ?? []).map(({ id, name }) => ({ id, name })) };
}

/** The name to show for a chosen id: its name, the id once all is loaded, or nothing yet. */
export function optionName(
  options: LibraryOptions,
  kind: 'jobFamilies' | 'tasks',
  id: string,
): string {
  const name = options[kind].find((option) => option.id === id)?.name;
  return name ?? (options.ready ? id : '');
}
