import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { useProblemMessageBarStyles } from './problem-message-bar.styles.js';

export interface ProblemMessageBarProps {
  readonly problem: Problem;
  readonly onRetry?: () => void;
}

/** Shows an `application/problem+json` error: its title, detail and the fields at fault. */
export function ProblemMessageBar({ problem, onRetry }: ProblemMessageBarProps): JSX.Element {
  const styles = useProblemMessageBarStyles();
  return (
    <MessageBar intent="error" layout="multiline" className={styles.root}>
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.detail}
        {problem.errors && problem.errors.length > 0 ? (
          <ul className={styles.fields}>
            {problem.errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                <code>{error.field}</code> {error.message}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
ProblemMessageBar.displayName = 'ProblemMessageBar';
