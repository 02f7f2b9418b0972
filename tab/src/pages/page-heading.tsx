import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { usePageHeadingStyles } from './page-heading.styles.js';

export interface PageHeadingProps {
  /** The h2's id, so the page's section can be labelled by it. */
  readonly id: string;
  readonly title: string;
  readonly description?: ReactNode;
  /** Beside the title, e.g. a status badge. */
  readonly aside?: ReactNode;
}

export function PageHeading({ id, title, description, aside }: PageHeadingProps): JSX.Element {
  const styles = usePageHeadingStyles();
  return (
    <div className={styles.root}>
      <div className={styles.titleRow}>
        <Text as="h2" id={id} size={700} weight="semibold" className={styles.title}>
          {title}
        </Text>
        {aside}
      </div>
      {description ? (
        <Text as="p" size={400} className={styles.description}>
          {description}
        </Text>
      ) : null}
    </div>
  );
}
PageHeading.displayName = 'PageHeading';
