import { mergeClasses, Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useAppHeaderStyles } from './app-header.styles.js';

export interface AppHeaderProps {
  /** Who is signed in; absent on pages that need no sign-in. */
  readonly user?: ReactNode;
  /** The page navigation, once the user's roles are known; absent on pages outside the shell. */
  readonly navigation?: ReactNode;
}

export function AppHeader({ user, navigation }: AppHeaderProps): JSX.Element {
  const styles = useAppHeaderStyles();
  return (
    <header className={styles.root}>
      <div className={mergeClasses(styles.inner, navigation ? undefined : styles.innerAlone)}>
        <div className={styles.topRow}>
          <div className={styles.brand}>
            <span className={styles.mark} aria-hidden="true" />
            <div className={styles.brandText}>
              <Text as="h1" size={500} weight="semibold" className={styles.title}>
                Lastmile
              </Text>
              <Text size={200} className={styles.tagline}>
                The last mile of your AI roll-out
              </Text>
            </div>
          </div>
          {user}
        </div>
        {navigation}
      </div>
    </header>
  );
}
AppHeader.displayName = 'AppHeader';
