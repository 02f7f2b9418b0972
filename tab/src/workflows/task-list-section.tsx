import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useWorkflowTaskCardStyles } from './workflow-task-card.styles.js';

export interface TaskListSectionProps {
  readonly id: string;
  readonly title: string;
  readonly ordered?: boolean;
  readonly items: readonly ReactNode[];
  readonly emptyText: string;
}

/** One of a task's lists (steps, handoffs, friction, AI), with a sentence when it is empty. */
export function TaskListSection({
  id,
  title,
  ordered = false,
  items,
  emptyText,
}: TaskListSectionProps): JSX.Element {
  const styles = useWorkflowTaskCardStyles();
  const List = ordered ? 'ol' : 'ul';
  return (
    <div className={styles.section}>
      <Text as="h5" id={id} className={styles.sectionTitle}>
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size={200} className={styles.none}>
          {emptyText}
        </Text>
      ) : (
        <List aria-labelledby={id} className={styles.list}>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </List>
      )}
    </div>
  );
}
TaskListSection.displayName = 'TaskListSection';
