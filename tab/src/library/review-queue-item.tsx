import { Button, Link, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { pageHash } from '../routes/hash-route.js';
import { sameContent } from './prompt-draft.js';
import { statusActions, type StatusAction } from './prompt-permissions.js';
import { fetchPrompt } from './prompt-requests.js';
import { formatDateTime, snippet } from './prompt-text.js';
import { useReviewQueueStyles } from './review-queue.styles.js';
import { submitStatusChange } from './status-change.js';
import { StatusDialog } from './status-dialog.js';

export interface ReviewQueueItemProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly prompt: PromptView;
  readonly query: string | undefined;
  readonly onDecided: (prompt: PromptView) => void;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'This proposal changed since the queue loaded',
  status: 412,
  detail: 'Nothing was changed. Open it to review the latest version.',
};

/**
 * One proposal with the decisions the server allows this person: Publish and Send back for a
 * reviewer, Withdraw for its owner. The queue's copy may be old, so the decision is taken on the
 * latest version only if it still says what the reviewer read here.
 */
export function ReviewQueueItem({
  client,
  me,
  prompt,
  query,
  onDecided,
}: ReviewQueueItemProps): JSX.Element {
  const styles = useReviewQueueStyles();
  const restoreFocus = useRestoreFocusTarget();
  const [open, setOpen] = useState<StatusAction | undefined>(undefined);
  const titleId = `review-${prompt.id}`;
  const actions = statusActions(me, prompt);

  const decide = async (action: StatusAction, note: string): Promise<Problem | undefined> => {
    let latest: Versioned<PromptView>;
    try {
      latest = await fetchPrompt(client, prompt.id);
    } catch (error) {
      return toProblem(error);
    }
    if (latest.value.status !== prompt.status || !sameContent(latest.value, prompt)) {
      return staleProblem;
    }
    return submitStatusChange(client, latest, action, note, (next) => onDecided(next.value));
  };

  return (
    <article aria-labelledby={titleId} className={styles.item}>
      <Text as="h3" id={titleId} className={styles.title}>
        <Link href={pageHash('library', prompt.id, query)} {...restoreFocus}>
          {prompt.title}
        </Link>
      </Text>
      <Text size={200} className={styles.secondary}>
        Proposed by {prompt.ownerName ?? prompt.ownerId} · {formatDateTime(prompt.updatedAt)}
      </Text>
      <Text as="p" className={styles.snippet}>
        {snippet(prompt.body, 240)}
      </Text>
      {actions.length > 0 ? (
        <div role="group" aria-label={`Review ${prompt.title}`} className={styles.actions}>
          {actions.map((action) => (
            <Button
              key={action.to}
              appearance={action.to === 'published' ? 'primary' : 'secondary'}
              onClick={() => setOpen(action)}
            >
              {action.label}
            </Button>
          ))}
        </div>
      ) : null}
      {open ? (
        <StatusDialog
          action={open}
          promptTitle={prompt.title}
          onClose={() => setOpen(undefined)}
          onSubmit={(note) => decide(open, note)}
        />
      ) : null}
    </article>
  );
}
ReviewQueueItem.displayName = 'ReviewQueueItem';
