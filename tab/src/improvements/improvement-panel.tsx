import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { improvementViewSchema, type ImprovementView } from '../../../src/contracts/feedback.js';
import type { ApiClient } from '../api/api-client.js';
import { useDocument, type Versioned } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { formatDay, improvementPath } from './improvement-format.js';
import { ImprovementStatusBadge } from './improvement-status-badge.js';
import { ImprovementStatusForm } from './improvement-status-form.js';
import { useImprovementsStyles } from './improvements.styles.js';

export interface ImprovementPanelProps {
  readonly client: ApiClient;
  /** The suggestion as the list showed it, shown while its latest version loads. */
  readonly improvement: ImprovementView;
  readonly taskName: string | undefined;
  /** Whether the reader decides what becomes of it (champions and admins). */
  readonly decides: boolean;
  readonly onClose: () => void;
  readonly onChanged: (improvement: ImprovementView) => void;
}

/** One suggestion in full and, for champions and admins, the decision on it. */
export function ImprovementPanel({
  client,
  improvement,
  taskName,
  decides,
  onClose,
  onChanged,
}: ImprovementPanelProps): JSX.Element {
  const styles = useImprovementsStyles();
  // Read again on opening: its ETag guards the decision against someone else's.
  const latest = useDocument(client, improvementPath(improvement.id), improvementViewSchema);
  const [stale, setStale] = useState(false);
  const shown = latest.state.status === 'success' ? latest.state.value : improvement;

  const saved = (next: Versioned<ImprovementView>): void => {
    setStale(false);
    latest.replace(next);
    onChanged(next.value);
  };
  const staleSeen = (theirs: Versioned<ImprovementView>): void => {
    setStale(true);
    latest.replace(theirs);
    onChanged(theirs.value);
  };

  return (
    <SidePanel
      title={shown.title}
      intro={
        <div className={styles.actions}>
          <ImprovementStatusBadge status={shown.status} />
          <Text className={styles.muted}>
            Suggested by {shown.suggestedByName ?? 'someone'} on {formatDay(shown.createdAt)}
          </Text>
        </div>
      }
      onClose={onClose}
    >
      <div className={styles.body}>
        <section className={styles.section} aria-label="The suggestion">
          <Text as="h3" size={400} weight="semibold">
            What would change
          </Text>
          <Text as="p" className={styles.text}>
            {shown.detail || 'No detail was given.'}
          </Text>
        </section>
        {taskName ? (
          <section className={styles.section} aria-label="Workflow task">
            <Text as="h3" size={400} weight="semibold">
              Workflow task
            </Text>
            <Text as="p">{taskName}</Text>
          </section>
        ) : null}
        {shown.vendor || shown.statusNote ? (
          <section className={styles.section} aria-label="Decision">
            <Text as="h3" size={400} weight="semibold">
              Decision
            </Text>
            {shown.vendor ? <Text as="p">Pushed to {shown.vendor}</Text> : null}
            {shown.statusNote ? (
              <Text as="p" className={styles.text}>
                {shown.statusNote}
              </Text>
            ) : null}
          </section>
        ) : null}
        {decides && latest.state.status === 'loading' ? (
          <LoadingState label="Loading the latest version" />
        ) : null}
        {latest.state.status === 'error' ? (
          <ProblemMessageBar problem={latest.state.problem} onRetry={latest.reload} />
        ) : null}
        {stale ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Someone else changed this suggestion</MessageBarTitle>
              Nothing was changed. It now shows their latest version: check it and decide again.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {decides && latest.state.status === 'success' ? (
          <ImprovementStatusForm
            // A new version starts the form again from what it says.
            key={latest.state.etag ?? latest.state.value.updatedAt}
            client={client}
            improvement={{ value: latest.state.value, etag: latest.state.etag }}
            onSaved={saved}
            onStale={staleSeen}
          />
        ) : null}
      </div>
    </SidePanel>
  );
}
ImprovementPanel.displayName = 'ImprovementPanel';
