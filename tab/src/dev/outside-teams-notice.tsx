import { Card, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useOutsideTeamsNoticeStyles } from './outside-teams-notice.styles.js';

/** Shown in a plain browser when the server is not in dev mode, so it cannot tell who you are. */
export function OutsideTeamsNotice(): JSX.Element {
  const styles = useOutsideTeamsNoticeStyles();
  return (
    <main className={styles.root}>
      <Card className={styles.card}>
        <Text as="h1" size={500} weight="semibold" className={styles.brand}>
          Lastmile
        </Text>
        <Text as="h2" size={600} weight="semibold" className={styles.title}>
          Open Lastmile in Microsoft Teams
        </Text>
        <Text as="p" className={styles.text}>
          This tab signs you in with your Teams account, so it only works inside Teams. Open the
          Lastmile app from the Teams sidebar, or the Lastmile tab in your channel or meeting.
        </Text>
        <Text as="p" size={200} className={styles.hint}>
          For developers: this server is not running in local dev mode, so the demo user picker is
          off.
        </Text>
      </Card>
    </main>
  );
}
OutsideTeamsNotice.displayName = 'OutsideTeamsNotice';
