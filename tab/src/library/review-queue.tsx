import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import type { PagedList } from '../api/use-paged-list.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { statusLabels } from './prompt-permissions.js';
import { ReviewQueueItem } from './review-queue-item.js';
import { useReviewQueueStyles } from './review-queue.styles.js';

export interface ReviewQueueProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly queue: PagedList<PromptView>;
  readonly query: string | undefined;
  readonly onDecided: (prompt: PromptView) => void;
}

/** Proposals waiting for a decision, oldest questions first as the API orders them. */
export function ReviewQueue({
  client,
  me,
  queue,
  query,
  onDecided,
}: ReviewQueueProps): JSX.Element {
  const styles = useReviewQueueStyles();
  const summary = useRef<HTMLDivElement>(null);
  const [decided, setDecided] = useState<PromptView | undefined>(undefined);
  // The decided proposal leaves the list, and its buttons with it: focus lands on the outcome.
  const decide = (prompt: PromptView): void => {
    setDecided(prompt);
    onDecided(prompt);
    requestAnimationFrame(() => summary.current?.focus());
  };
  if (queue.status === 'loading') return <LoadingState label="Loading the review queue" />;
  if (queue.status === 'error' && queue.problem) {
    return <ProblemMessageBar problem={queue.problem} onRetry={queue.reload} />;
  }
  return (
    <section aria-label="Review queue" className={styles.root}>
      <div ref={summary} tabIndex={-1} role="status" className={styles.summary}>
        {decided ? (
          <MessageBar intent="success">
            <MessageBarBody>
              “{decided.title}” is now {statusLabels[decided.status].toLowerCase()}.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Text>
          {queue.items.length === 1
            ? '1 proposal is waiting for review.'
            : `${queue.items.length}${queue.hasMore ? '+' : ''} proposals are waiting for review.`}
        </Text>
      </div>
      {queue.items.length === 0 ? (
        <Text className={styles.empty}>Nothing to review. New proposals appear here.</Text>
      ) : (
        <ul className={styles.list}>
          {queue.items.map((prompt) => (
            <li key={prompt.id}>
              <ReviewQueueItem
                client={client}
                me={me}
                prompt={prompt}
                query={query}
                onDecided={decide}
              />
            </li>
          ))}
        </ul>
      )}
      {queue.moreProblem ? (
        <ProblemMessageBar problem={queue.moreProblem} onRetry={queue.loadMore} />
      ) : null}
      {queue.hasMore ? (
        <Button disabledFocusable={queue.loadingMore} onClick={queue.loadMore}>
          {queue.loadingMore ? 'Loading more…' : 'Load more'}
        </Button>
      ) : null}
    </section>
  );
}
ReviewQueue.displayName = 'ReviewQueue';
