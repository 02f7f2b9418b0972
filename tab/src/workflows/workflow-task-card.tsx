import { Button, Link, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { WorkflowTaskView } from '../../../src/contracts/workflows.js';
import { namesFor } from '../library/prompt-text.js';
import { pageHash } from '../routes/hash-route.js';
import { TaskListSection } from './task-list-section.js';
import { minutesText } from './workflow-groups.js';
import { useWorkflowTaskCardStyles } from './workflow-task-card.styles.js';

export interface WorkflowTaskCardProps {
  readonly task: WorkflowTaskView;
  readonly jobFamilies: readonly { readonly id: string; readonly name: string }[];
  readonly canManage: boolean;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

function promptLinkText(count: number): string {
  if (count === 0) return 'No prompts for this task yet: find or propose one';
  return count === 1 ? '1 prompt for this task' : `${count} prompts for this task`;
}

/** One mapped task: its steps, handoffs, friction, where AI could help, and its baseline time. */
export function WorkflowTaskCard({
  task,
  jobFamilies,
  canManage,
  onEdit,
  onDelete,
}: WorkflowTaskCardProps): JSX.Element {
  const styles = useWorkflowTaskCardStyles();
  const restoreFocus = useRestoreFocusTarget();
  const id = `task-${task.id}`;
  const families = namesFor(task.jobFamilyIds, jobFamilies);
  return (
    <article aria-labelledby={`${id}-name`} className={styles.root}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <Text as="h4" id={`${id}-name`} className={styles.title}>
            {task.name}
          </Text>
          {task.description ? (
            <Text as="p" className={styles.description}>
              {task.description}
            </Text>
          ) : null}
        </div>
        {canManage ? (
          <div role="group" aria-label={`Manage ${task.name}`} className={styles.actions}>
            <Button {...restoreFocus} onClick={onEdit}>
              Edit
            </Button>
            <Button {...restoreFocus} onClick={onDelete}>
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      <div className={styles.facts}>
        <Text>
          <Text weight="semibold">Baseline:</Text> {minutesText(task.baselineMinutes)}
        </Text>
        {families.length > 0 ? (
          <Text>
            <Text weight="semibold">Job families:</Text> {families.join(', ')}
          </Text>
        ) : null}
        <Link href={pageHash('library', undefined, `task=${encodeURIComponent(task.id)}`)}>
          {promptLinkText(task.promptCount)}
        </Link>
      </div>
      <div className={styles.sections}>
        <TaskListSection
          id={`${id}-steps`}
          title="Steps"
          ordered
          emptyText="No steps yet."
          items={task.steps.map((step) =>
            step.actor ? (
              <>
                <span className={styles.actor}>{step.actor}:</span> {step.text}
              </>
            ) : (
              step.text
            ),
          )}
        />
        <TaskListSection
          id={`${id}-handoffs`}
          title="Handoffs"
          emptyText="No handoffs: one person does it all."
          items={task.handoffs.map(
            (handoff) => `${handoff.fromRole} → ${handoff.toRole}: ${handoff.what}`,
          )}
        />
        <TaskListSection
          id={`${id}-friction`}
          title="Friction points"
          emptyText="None noted yet."
          items={task.frictionPoints}
        />
        <TaskListSection
          id={`${id}-ai`}
          title="Where AI could help"
          emptyText="None noted yet."
          items={task.aiOpportunities}
        />
      </div>
    </article>
  );
}
WorkflowTaskCard.displayName = 'WorkflowTaskCard';
