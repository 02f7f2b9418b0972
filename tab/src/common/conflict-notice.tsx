import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  useId,
} from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useConflictNoticeStyles } from './conflict-notice.styles.js';

export interface ConflictNoticeProps {
  /** "Someone else changed this prompt". */
  readonly title: string;
  /** When the latest version was saved, and that this person's changes are not. */
  readonly detail: string;
  /** Changes whenever a newer conflicting version arrives, to announce it again. */
  readonly latestKey: string;
  /** The latest version, for the person to read before choosing. */
  readonly children: ReactNode;
  readonly busy: boolean;
  /** Drops this person's changes and shows the latest version in the form. */
  readonly onLoadLatest: () => void;
  /** Saves this person's changes on top of the latest version. */
  readonly onReapply: () => void;
}

/**
 * Shown when a save answered 412: nothing was overwritten, and the person chooses what happens
 * next with the latest version in front of them. Focus moves here so screen readers announce it.
 */
export function ConflictNotice({
  title,
  detail,
  latestKey,
  children,
  busy,
  onLoadLatest,
  onReapply,
}: ConflictNoticeProps): JSX.Element {
  const styles = useConflictNoticeStyles();
  const headingId = useId('conflict-heading');
  const heading = useRef<HTMLSpanElement>(null);
  useEffect(() => heading.current?.focus(), [latestKey]);
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            <span id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
              {title}
            </span>
          </MessageBarTitle>
          {detail}
        </MessageBarBody>
      </MessageBar>
      {children}
      <div className={styles.actions}>
        <Button onClick={onLoadLatest} disabled={busy}>
          Load the latest version
        </Button>
        <Button appearance="primary" onClick={onReapply} disabled={busy}>
          Re-apply my changes on top
        </Button>
      </div>
    </section>
  );
}
ConflictNotice.displayName = 'ConflictNotice';
