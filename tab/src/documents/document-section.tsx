import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useDocumentSectionStyles } from './document-section.styles.js';

export interface DocumentSectionProps {
  readonly id: string;
  readonly title: string;
  /** Paragraphs and lists. */
  readonly children: ReactNode;
}

export function DocumentSection({ id, title, children }: DocumentSectionProps): JSX.Element {
  const styles = useDocumentSectionStyles();
  return (
    <section aria-labelledby={id} className={styles.root}>
      <Text as="h3" id={id} size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
DocumentSection.displayName = 'DocumentSection';
