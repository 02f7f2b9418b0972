import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { MeResponse, Role } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import {
  workflowListSchema,
  type WorkflowList,
  type WorkflowTaskView,
} from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { PageHeading } from '../pages/page-heading.js';
import { DeleteTaskDialog } from './delete-task-dialog.js';
import { DepartmentTasksSection } from './department-tasks.js';
import { allDepartments, groupTasks } from './workflow-groups.js';
import { workflowsPath } from './workflow-requests.js';
import { WorkflowTaskDrawer, type TaskDrawerMode } from './workflow-task-drawer.js';
import { useWorkflowsPageStyles } from './workflows-page.styles.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';

/** Leads map their team's tasks; champions and admins help any team. */
const mappers: readonly Role[] = ['lead', 'champion', 'admin'];

export interface WorkflowsPageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

/** The tasks each team mapped: steps, handoffs, friction, where AI could help, baseline time. */
export function WorkflowsPage({ client, me, program }: WorkflowsPageProps): JSX.Element {
  const styles = useWorkflowsPageStyles();
  const controls = useFormControlStyles();
  const departments = program.state.status === 'success' ? program.state.data.departments : [];
  const jobFamilies = program.state.status === 'success' ? program.state.data.jobFamilies : [];
  const [department, setDepartment] = useState(me.department ?? allDepartments);
  const path = workflowsPath(department);
  const tasks = useApiQuery(client, path, workflowListSchema);
  // While the list reloads after a change, the cards stay, and with them the focus.
  const [last, setLast] = useState<{ path: string; list: WorkflowList } | undefined>(undefined);
  if (tasks.state.status === 'success' && last?.list !== tasks.state.data) {
    setLast({ path, list: tasks.state.data });
  }
  const list =
    tasks.state.status === 'success'
      ? tasks.state.data
      : last?.path === path && tasks.state.status === 'loading'
        ? last.list
        : undefined;
  const [drawer, setDrawer] = useState<TaskDrawerMode | undefined>(undefined);
  const [deleting, setDeleting] = useState<WorkflowTaskView | undefined>(undefined);
  const [message, setMessage] = useState('');
  const canManage = me.roles.some((role) => mappers.includes(role));
  // Until the program loads, an id would flash where its name belongs.
  const departmentName = (id: string): string =>
    departments.find((item) => item.id === id)?.name ??
    (program.state.status === 'success' ? id : '');

  return (
    <section aria-labelledby="workflows-title" className={styles.root}>
      <PageHeading
        id="workflows-title"
        title="Workflows"
        description="Before anyone reaches for an AI tool, each team maps 3 to 5 of its tasks: the steps, who hands what to whom, where it gets stuck, and how long it takes today. Prompts and lessons link to these tasks, and the 90-day checkpoint measures them."
      />
      <div className={styles.toolbar}>
        <Field label="Department" className={styles.filter}>
          <Dropdown
            className={controls.fill}
            value={department === allDepartments ? 'All departments' : departmentName(department)}
            selectedOptions={[department]}
            onOptionSelect={(_, data) => setDepartment(data.optionValue ?? allDepartments)}
          >
            <Option value={allDepartments}>All departments</Option>
            {departments.map((item) => (
              <Option key={item.id} value={item.id}>
                {item.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {canManage && department === allDepartments ? (
          <Text className={styles.hint}>Choose a department to add a task to it.</Text>
        ) : null}
      </div>
      <div role="status">{message}</div>
      {tasks.state.status === 'loading' && !list ? (
        <LoadingState label="Loading the mapped tasks" />
      ) : null}
      {tasks.state.status === 'error' ? (
        <ProblemMessageBar problem={tasks.state.problem} onRetry={tasks.retry} />
      ) : null}
      {list ? (
        <div className={styles.groups}>
          {groupTasks(list.items, departments, department).map((group) => (
            <DepartmentTasksSection
              key={group.department.id}
              group={group}
              jobFamilies={jobFamilies}
              canManage={canManage}
              onAdd={(departmentId) => setDrawer({ kind: 'add', departmentId })}
              onEdit={(task) => setDrawer({ kind: 'edit', taskId: task.id, name: task.name })}
              onDelete={setDeleting}
            />
          ))}
          {list.items.length === 0 && department === allDepartments ? (
            <Text>No team has mapped a task yet.</Text>
          ) : null}
        </div>
      ) : null}
      {drawer ? (
        <WorkflowTaskDrawer
          client={client}
          mode={drawer}
          departments={departments}
          jobFamilies={jobFamilies}
          onClose={() => setDrawer(undefined)}
          onSaved={(task) => {
            setDrawer(undefined);
            setMessage(
              drawer.kind === 'add'
                ? `Added “${task.name}” to ${departmentName(task.departmentId)}.`
                : `Saved “${task.name}”.`,
            );
            tasks.retry();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteTaskDialog
          client={client}
          task={deleting}
          onClose={() => setDeleting(undefined)}
          onStale={tasks.retry}
          onDeleted={() => {
            setDeleting(undefined);
            setMessage(`Deleted “${deleting.name}”.`);
            tasks.retry();
          }}
        />
      ) : null}
    </section>
  );
}
WorkflowsPage.displayName = 'WorkflowsPage';
