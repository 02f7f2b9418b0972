import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  deliveryListSchema,
  deliveryViewSchema,
  type DeliveryView,
} from '../../../src/contracts/deliveries.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import { usePagedList } from '../api/use-paged-list.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useVisuallyHiddenStyles } from '../common/visually-hidden.styles.js';
import { formatDateTime } from '../library/prompt-text.js';
import { attemptsText, payloadText, recipientText } from './delivery-text.js';
import { useProgramSectionStyles } from './program-section.styles.js';

export const deadDeliveriesPath = '/api/deliveries?state=dead';

export interface DeliveryProblemsSectionProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'This delivery changed since the list loaded',
  status: 412,
  detail: 'Nothing was retried. The list now shows the latest state: check it and try again.',
};

/** Lessons and notices the bot gave up on after its retries, and why, with a retry for admins. */
export function DeliveryProblemsSection({ client, me }: DeliveryProblemsSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const hidden = useVisuallyHiddenStyles();
  const dead = usePagedList(client, deadDeliveriesPath, deliveryListSchema);
  const canRetry = me.roles.includes('admin');
  const [retrying, setRetrying] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const retry = (delivery: DeliveryView): void => {
    setRetrying(delivery.id);
    setProblem(undefined);
    setMessage('');
    client
      .send(
        'POST',
        `/api/deliveries/${encodeURIComponent(delivery.id)}/retry`,
        undefined,
        deliveryViewSchema,
        { ifMatch: delivery.etag },
      )
      .then(
        () => {
          setRetrying(undefined);
          dead.patch((items) => items.filter((item) => item.id !== delivery.id));
          setMessage(`${payloadText(delivery.payload)} is queued again.`);
        },
        (error: unknown) => {
          setRetrying(undefined);
          if (error instanceof StaleEditError) {
            setProblem(staleProblem);
            dead.reload();
            return;
          }
          setProblem(toProblem(error));
        },
      );
  };

  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        The bot retries a lesson or notice that cannot be delivered, backing off each time. What
        still fails ends up here with the last reason, for an admin to fix the cause and retry.
      </Text>
      <div role="status">{message}</div>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      {dead.status === 'loading' ? <LoadingState label="Loading delivery problems" /> : null}
      {dead.status === 'error' && dead.problem ? (
        <ProblemMessageBar problem={dead.problem} onRetry={dead.reload} />
      ) : null}
      {dead.status === 'success' && dead.items.length === 0 ? (
        <Text className={styles.empty}>
          Nothing failed: every lesson and notice so far was delivered or is on its way.
        </Text>
      ) : null}
      {dead.status === 'success' && dead.items.length > 0 ? (
        <section aria-labelledby="delivery-problems-title" className={styles.surface}>
          <Text
            as="h4"
            id="delivery-problems-title"
            size={500}
            weight="semibold"
            className={styles.heading}
          >
            Failed deliveries
          </Text>
          {canRetry ? null : (
            <Text className={styles.muted}>Only an admin can retry a delivery.</Text>
          )}
          <Table size="small" aria-labelledby="delivery-problems-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Recipient</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Attempts</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                {canRetry ? (
                  <TableHeaderCell>
                    <span className={hidden.root}>Actions</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {dead.items.map((delivery) => (
                <TableRow key={delivery.id}>
                  <TableCell>{recipientText(delivery.recipient)}</TableCell>
                  <TableCell>{payloadText(delivery.payload)}</TableCell>
                  <TableCell>{attemptsText(delivery.attempts)}</TableCell>
                  <TableCell>{delivery.lastError ?? 'No reason recorded'}</TableCell>
                  <TableCell>{formatDateTime(delivery.deadAt ?? delivery.updatedAt)}</TableCell>
                  {canRetry ? (
                    <TableCell>
                      <Button
                        size="small"
                        disabledFocusable={retrying !== undefined}
                        aria-label={`Retry ${payloadText(delivery.payload)} for ${recipientText(delivery.recipient)}`}
                        onClick={() => retry(delivery)}
                      >
                        {retrying === delivery.id ? 'Retrying…' : 'Retry'}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {dead.hasMore ? (
            <div className={styles.actions}>
              <Button disabledFocusable={dead.loadingMore} onClick={dead.loadMore}>
                {dead.loadingMore ? 'Loading…' : 'Show more'}
              </Button>
            </div>
          ) : null}
          {dead.moreProblem ? <ProblemMessageBar problem={dead.moreProblem} /> : null}
        </section>
      ) : null}
    </div>
  );
}
DeliveryProblemsSection.displayName = 'DeliveryProblemsSection';
