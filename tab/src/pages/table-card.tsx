import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useTableCardStyles } from './table-card.styles.js';

export interface TableCardProps {
  readonly titleId: string;
  readonly title: string;
  readonly isEmpty: boolean;
  readonly emptyText: string;
  readonly children: ReactNode;
}

/** A titled surface around a small table, with a plain sentence in place of an empty table. */
export function TableCard({
  titleId,
  title,
  isEmpty,
  emptyText,
  children,
}: TableCardProps): JSX.Element {
  const styles = useTableCardStyles();
  return (
    <div className={styles.root}>
      <Text as="h4" id={titleId} size={400} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {isEmpty ? <Text className={styles.empty}>{emptyText}</Text> : children}
    </div>
  );
}
TableCard.displayName = 'TableCard';
