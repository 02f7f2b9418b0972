import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useDocumentArticleStyles } from './document-article.styles.js';

export interface DocumentArticleProps {
  /** The h2's id, so the article can be labelled by it. */
  readonly id: string;
  readonly title: string;
  /** The whole document in a sentence or two, for people who read no further. */
  readonly summary: ReactNode;
  /** DocumentSections. */
  readonly children: ReactNode;
}

export function DocumentArticle({
  id,
  title,
  summary,
  children,
}: DocumentArticleProps): JSX.Element {
  const styles = useDocumentArticleStyles();
  return (
    <article aria-labelledby={id} className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" id={id} size={700} weight="semibold" className={styles.title}>
          {title}
        </Text>
        <Text as="p" size={400} className={styles.summary}>
          {summary}
        </Text>
      </div>
      {children}
    </article>
  );
}
DocumentArticle.displayName = 'DocumentArticle';
