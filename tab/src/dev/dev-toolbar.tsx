import { Badge, Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useDevToolbarStyles } from './dev-toolbar.styles.js';

export interface DevToolbarProps {
  readonly children: ReactNode;
}

/** The strip above the header outside Teams, holding the preview controls. */
export function DevToolbar({ children }: DevToolbarProps): JSX.Element {
  const styles = useDevToolbarStyles();
  return (
    <section aria-label="Preview controls" className={styles.root}>
      <div className={styles.inner}>
        <div className={styles.intro}>
          <Badge appearance="filled" color="warning" shape="rounded" className={styles.badge}>
            Local preview
          </Badge>
          <Text size={200} className={styles.introText}>
            Outside Teams, Lastmile signs you in as a person from the demo organisation. Pick
            someone to see what they see.
          </Text>
        </div>
        <div className={styles.controls}>{children}</div>
      </div>
    </section>
  );
}
DevToolbar.displayName = 'DevToolbar';
