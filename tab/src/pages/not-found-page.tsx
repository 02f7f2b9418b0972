import { Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useNotFoundPageStyles } from './not-found-page.styles.js';
import { PageHeading } from './page-heading.js';

export interface NotFoundPageProps {
  readonly path: string;
  readonly onGoHome: () => void;
}

export function NotFoundPage({ path, onGoHome }: NotFoundPageProps): JSX.Element {
  const styles = useNotFoundPageStyles();
  return (
    <section aria-labelledby="not-found-title" className={styles.root}>
      <PageHeading
        id="not-found-title"
        title="Page not found"
        description={
          <>
            Lastmile has no page at <Text font="monospace">{path}</Text>. The link may be old or
            mistyped.
          </>
        }
      />
      <Button appearance="primary" onClick={onGoHome}>
        Go to Home
      </Button>
    </section>
  );
}
NotFoundPage.displayName = 'NotFoundPage';
