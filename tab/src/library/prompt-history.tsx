import { Button, Dropdown, Field, Option, Text, useId } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { promptHistorySchema, type PromptVersionView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { DiffView } from './diff-view.js';
import { statusLabels } from './prompt-permissions.js';
import { usePromptHistoryStyles } from './prompt-history.styles.js';
import { versionsPath } from './prompt-requests.js';
import { formatDateTime } from './prompt-text.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';

export interface PromptHistoryProps {
  readonly client: ApiClient;
  readonly promptId: string;
}

interface Comparison {
  readonly from: number;
  readonly to: number;
}

function versionText(version: PromptVersionView): string {
  const who = version.editedByName ?? version.editedBy;
  return `${statusLabels[version.status]} · ${who} · ${formatDateTime(version.editedAt)}`;
}

/** Every version, newest first, and what changed between any two of them. */
export function PromptHistory({ client, promptId }: PromptHistoryProps): JSX.Element {
  const styles = usePromptHistoryStyles();
  const controls = useFormControlStyles();
  const versionsId = useId('versions-heading');
  const compareId = useId('compare-heading');
  const history = useApiQuery(client, versionsPath(promptId), promptHistorySchema);
  const [chosen, setChosen] = useState<Comparison | undefined>(undefined);

  if (history.state.status === 'loading') return <LoadingState label="Loading the history" />;
  if (history.state.status === 'error') {
    return <ProblemMessageBar problem={history.state.problem} onRetry={history.retry} />;
  }
  const versions = history.state.data.items;
  const newest = versions[0]?.version;
  const oldest = versions.at(-1)?.version;
  const comparison =
    chosen ??
    (newest !== undefined && oldest !== undefined && newest > oldest
      ? { from: versions[1]?.version ?? oldest, to: newest }
      : undefined);

  const versionOption = (version: PromptVersionView): JSX.Element => (
    <Option
      key={version.version}
      value={String(version.version)}
      text={`Version ${version.version}`}
    >
      Version {version.version}
    </Option>
  );
  const pick = (which: keyof Comparison, value: string | undefined): void => {
    const number = Number(value);
    if (!comparison || !Number.isInteger(number)) return;
    setChosen({ ...comparison, [which]: number });
  };

  return (
    <div className={styles.root}>
      <section aria-labelledby={versionsId} className={styles.section}>
        <Text as="h3" id={versionsId} size={400} weight="semibold" className={styles.heading}>
          Versions
        </Text>
        <ol className={styles.versions} aria-labelledby={versionsId}>
          {versions.map((version, index) => {
            const previous = versions[index + 1];
            return (
              <li key={version.version} className={styles.version}>
                <span className={styles.versionText}>
                  <Text weight="semibold">
                    Version {version.version}
                    {index === 0 ? ' (current)' : ''}
                  </Text>
                  <Text size={200} className={styles.secondary}>
                    {versionText(version)}
                  </Text>
                  {version.note ? <Text size={200}>“{version.note}”</Text> : null}
                </span>
                {previous ? (
                  <Button
                    size="small"
                    aria-label={`Show changes in version ${version.version}`}
                    onClick={() => setChosen({ from: previous.version, to: version.version })}
                  >
                    Show changes
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
      {comparison ? (
        <section aria-labelledby={compareId} className={styles.section}>
          <Text as="h3" id={compareId} size={400} weight="semibold" className={styles.heading}>
            Compare versions
          </Text>
          <div className={styles.compare}>
            <Field label="From">
              <Dropdown
                className={controls.fill}
                value={`Version ${comparison.from}`}
                selectedOptions={[String(comparison.from)]}
                onOptionSelect={(_, data) => pick('from', data.optionValue)}
              >
                {versions.map(versionOption)}
              </Dropdown>
            </Field>
            <Field label="To">
              <Dropdown
                className={controls.fill}
                value={`Version ${comparison.to}`}
                selectedOptions={[String(comparison.to)]}
                onOptionSelect={(_, data) => pick('to', data.optionValue)}
              >
                {versions.map(versionOption)}
              </Dropdown>
            </Field>
          </div>
          <DiffView client={client} promptId={promptId} from={comparison.from} to={comparison.to} />
        </section>
      ) : (
        <Text>There is only one version so far, so there is nothing to compare.</Text>
      )}
    </div>
  );
}
PromptHistory.displayName = 'PromptHistory';
