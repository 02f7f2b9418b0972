import { Spinner } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useLoadingStateStyles } from './loading-state.styles.js';

export interface LoadingStateProps {
  readonly label: string;
}

export function LoadingState({ label }: LoadingStateProps): JSX.Element {
  const styles = useLoadingStateStyles();
  return (
    <div className={styles.root}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
LoadingState.displayName = 'LoadingState';
