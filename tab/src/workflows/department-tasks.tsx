import { Button, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import { useDepartmentTasksStyles } from './department-tasks.styles.js';
import { isAtTaskLimit, taskCountText, type DepartmentTasks } from './workflow-groups.js';
import { WorkflowTaskCard } from './workflow-task-card.js';

export interface DepartmentTasksSectionProps {
  readonly group: DepartmentTasks;
  readonly jobFamilies: readonly { readonly id: string; readonly name: string }[];
  readonly canManage: boolean;
  readonly onAdd: (departmentId: string) => void;
  readonly onEdit: (task: WorkflowTaskView) => void;
  readonly onDelete: (task: WorkflowTaskView) => void;
}

/** A department's mapped tasks, how many of the 3 to 5 it has, and a way to add one. */
export function DepartmentTasksSection({
  group,
  jobFamilies,
  canManage,
  onAdd,
  onEdit,
  onDelete,
}: DepartmentTasksSectionProps): JSX.Element {
  const styles = useDepartmentTasksStyles();
  const restoreFocus = useRestoreFocusTarget();
  const { department, tasks } = group;
  const headingId = `department-${department.id}`;
  const countId = `${headingId}-count`;
  const full = isAtTaskLimit(tasks.length);
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <div className={styles.header}>
        <div className={styles.heading}>
          <Text as="h3" id={headingId} size={500} weight="semibold" className={styles.title}>
            {department.name}
          </Text>
          <Text id={countId} className={styles.count}>
            {taskCountText(tasks.length)}
          </Text>
        </div>
        {canManage ? (
          <Button
            appearance="primary"
            {...restoreFocus}
            disabledFocusable={full}
            aria-describedby={countId}
            onClick={() => onAdd(department.id)}
          >
            Add a task
          </Button>
        ) : null}
      </div>
      {tasks.length === 0 ? (
        <Text className={styles.empty}>
          {canManage
            ? 'No tasks mapped yet. Start with the task your team spends most time on.'
            : 'No tasks mapped yet. Your team lead maps them with the team.'}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {tasks.map((task) => (
            <li key={task.id}>
              <WorkflowTaskCard
                task={task}
                jobFamilies={jobFamilies}
                canManage={canManage}
                onEdit={() => onEdit(task)}
                onDelete={() => onDelete(task)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
DepartmentTasksSection.displayName = 'DepartmentTasksSection';
