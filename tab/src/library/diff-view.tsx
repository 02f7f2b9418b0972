import { mergeClasses, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { promptDiffSchema } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useVisuallyHiddenStyles } from '../common/visually-hidden.styles.js';
import { changedFieldsText, diffRows, diffSummary } from './diff-rows.js';
import { useDiffViewStyles } from './diff-view.styles.js';
import { diffPath } from './prompt-requests.js';

export interface DiffViewProps {
  readonly client: ApiClient;
  readonly promptId: string;
  readonly from: number;
  readonly to: number;
}

/** What changed between two versions: the fields, the title, and the text line by line. */
export function DiffView({ client, promptId, from, to }: DiffViewProps): JSX.Element {
  const styles = useDiffViewStyles();
  const hidden = useVisuallyHiddenStyles();
  const diff = useApiQuery(client, diffPath(promptId, from, to), promptDiffSchema);
  if (diff.state.status === 'loading') return <LoadingState label="Comparing versions" />;
  if (diff.state.status === 'error') {
    return <ProblemMessageBar problem={diff.state.problem} onRetry={diff.retry} />;
  }
  const { data } = diff.state;
  const rows = diffRows(data.body);
  return (
    <div
      role="region"
      aria-label={`Changes from version ${data.from} to version ${data.to}`}
      className={styles.root}
    >
      <Text>{changedFieldsText(data.changedFields)}</Text>
      {data.title.from !== data.title.to ? (
        <p className={styles.titleChange}>
          <Text weight="semibold">Title</Text>
          <span data-diff="removed" className={mergeClasses(styles.line, styles.removed)}>
            <span className={styles.prefix} aria-hidden="true">
              {'\u2212'}
            </span>
            <span>
              <span className={hidden.root}>Removed: </span>
              {data.title.from}
            </span>
          </span>
          <span data-diff="added" className={mergeClasses(styles.line, styles.added)}>
            <span className={styles.prefix} aria-hidden="true">
              +
            </span>
            <span>
              <span className={hidden.root}>Added: </span>
              {data.title.to}
            </span>
          </span>
        </p>
      ) : null}
      <Text weight="semibold">Text</Text>
      <Text size={200}>{diffSummary(data.body)}</Text>
      <ol className={styles.lines} aria-label="Text, line by line">
        {rows.map((row) => (
          <li
            key={row.key}
            data-diff={row.kind}
            className={mergeClasses(styles.line, styles[row.kind])}
          >
            <span className={styles.prefix} aria-hidden="true">
              {row.prefix}
            </span>
            <span>
              {row.kind === 'same' ? null : <span className={hidden.root}>{row.label}: </span>}
              {row.text === '' ? '\u00a0' : row.text}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
DiffView.displayName = 'DiffView';
