import { Badge, Button, Link, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { flagViewSchema, type FlagView } from '../../../src/contracts/feedback.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import { AssignReviewer } from './assign-reviewer.js';
import { actionLabels, categoryLabels, formatAge, stateLabels } from './flag-format.js';
import { useFlagsStyles } from './flags.styles.js';
import { ResolutionForm } from './resolution-form.js';

export interface FlagPanelProps {
  readonly client: ApiClient;
  readonly flag: FlagView;
  readonly onClose: () => void;
  /** The flag after a review started, a reviewer was assigned or a resolution was sent. */
  readonly onChanged: (flag: FlagView, news: string) => void;
}

/** One flag in full, and for its reviewer the way to start on it and resolve it. */
export function FlagPanel({ client, flag, onClose, onChanged }: FlagPanelProps): JSX.Element {
  const styles = useFlagsStyles();
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const canAct = flag.permissions.review && flag.state !== 'resolved';
  const changedState = (changed: FlagView): void =>
    onChanged(changed, `The flag is ${stateLabels[changed.state].toLowerCase()}.`);

  const startReview = (): void => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    const path = `/api/flags/${encodeURIComponent(flag.id)}/review`;
    client.send('POST', path, undefined, flagViewSchema).then(
      (changed) => {
        setBusy(false);
        changedState(changed.value);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(toProblem(error));
      },
    );
  };

  return (
    <SidePanel
      title={`${categoryLabels[flag.category]} output`}
      intro={
        <div className={styles.actions}>
          <Badge appearance="tint" aria-label={`State: ${stateLabels[flag.state]}`}>
            {stateLabels[flag.state]}
          </Badge>
          <Text className={styles.muted}>
            Flagged by {flag.flaggedByName ?? 'someone'}, {formatAge(flag.ageHours)} ago
            {flag.reviewerName ? ` · Reviewer: ${flag.reviewerName}` : ''}
          </Text>
        </div>
      }
      onClose={onClose}
    >
      <div className={styles.body}>
        <section className={styles.section} aria-label="The AI output">
          <Text as="h3" size={400} weight="semibold">
            The AI output
          </Text>
          <blockquote className={styles.quote}>{flag.outputText || 'No text was kept.'}</blockquote>
        </section>
        <section className={styles.section} aria-label="What was expected">
          <Text as="h3" size={400} weight="semibold">
            What was expected
          </Text>
          <Text as="p" className={styles.text}>
            {flag.expected}
          </Text>
        </section>
        {flag.promptId ? (
          <Link href={`#/library/${encodeURIComponent(flag.promptId)}`}>Open the prompt</Link>
        ) : null}
        {flag.resolution ? (
          <section className={styles.section} aria-label="Resolution">
            <Text as="h3" size={400} weight="semibold">
              Resolution: {actionLabels[flag.resolution.action]}
            </Text>
            {flag.resolution.note ? (
              <Text as="p" className={styles.text}>
                {flag.resolution.note}
              </Text>
            ) : null}
          </section>
        ) : null}
        {problem ? <ProblemMessageBar problem={problem} /> : null}
        {canAct && flag.state === 'open' ? (
          <div className={styles.actions}>
            <Button onClick={startReview} disabledFocusable={busy}>
              Start review
            </Button>
          </div>
        ) : null}
        {flag.permissions.assign && flag.state !== 'resolved' ? (
          <AssignReviewer
            client={client}
            flag={flag}
            onAssigned={(assigned) =>
              onChanged(
                assigned,
                `${assigned.reviewerName ?? 'The person you chose'} reviews the flag now.`,
              )
            }
          />
        ) : null}
        {canAct ? <ResolutionForm client={client} flag={flag} onResolved={changedState} /> : null}
      </div>
    </SidePanel>
  );
}
FlagPanel.displayName = 'FlagPanel';
