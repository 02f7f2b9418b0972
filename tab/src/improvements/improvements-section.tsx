import {
  Button,
  Dropdown,
  Field,
  Link,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import {
  improvementListSchema,
  improvementStatusSchema,
  type ImprovementStatus,
  type ImprovementView,
} from '../../../src/contracts/feedback.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { workflowListSchema } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { shorten } from '../flags/flag-format.js';
import { libraryOptions } from '../library/library-options.js';
import { ImprovementFigures } from './improvement-figures.js';
import {
  decidesImprovements,
  formatDay,
  improvementStatusLabels,
  improvementsPath,
} from './improvement-format.js';
import { ImprovementPanel } from './improvement-panel.js';
import { ImprovementStatusBadge } from './improvement-status-badge.js';
import { useImprovementsStyles } from './improvements.styles.js';
import { SuggestImprovementPanel } from './suggest-improvement-panel.js';

const anyStatus = '';

export interface ImprovementsSectionProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

/**
 * Workflow improvements people suggested, with the counts the scoreboard reports. Anyone
 * suggests one; champions and admins decide what becomes of it.
 */
export function ImprovementsSection({
  client,
  me,
  program,
}: ImprovementsSectionProps): JSX.Element {
  const styles = useImprovementsStyles();
  const controls = useFormControlStyles();
  const restoreFocus = useRestoreFocusTarget();
  const list = useApiQuery(client, improvementsPath, improvementListSchema);
  const workflows = useApiQuery(client, '/api/workflows', workflowListSchema);
  const overview = program.state.status === 'success' ? program.state.data : undefined;
  const tasks = workflows.state.status === 'success' ? workflows.state.data.items : undefined;
  const options = useMemo(() => libraryOptions(overview, tasks), [overview, tasks]);
  const [status, setStatus] = useState<ImprovementStatus | undefined>(undefined);
  const [selected, setSelected] = useState<ImprovementView | undefined>(undefined);
  const [suggesting, setSuggesting] = useState(false);
  const [message, setMessage] = useState('');
  const decides = decidesImprovements(me.roles);
  const taskName = (id: string | undefined): string | undefined =>
    id === undefined ? undefined : options.tasks.find((task) => task.id === id)?.name;

  const loaded = list.state.status === 'success' ? list.state.data : undefined;
  const shown = loaded?.items.filter((item) => status === undefined || item.status === status);
  const counted = (label: string, count: number | undefined): string =>
    count === undefined ? label : `${label} (${String(count)})`;

  return (
    <div className={styles.root}>
      {loaded ? <ImprovementFigures counts={loaded.counts} /> : null}
      <div className={styles.toolbar}>
        <Field label="Status" className={styles.filter}>
          <Dropdown
            className={controls.fill}
            value={counted(
              status ? improvementStatusLabels[status] : 'Any status',
              status ? loaded?.counts.byStatus[status] : loaded?.counts.suggested,
            )}
            selectedOptions={[status ?? anyStatus]}
            onOptionSelect={(_, data) => {
              const parsed = improvementStatusSchema.safeParse(data.optionValue);
              setStatus(parsed.success ? parsed.data : undefined);
            }}
          >
            <Option value={anyStatus}>{counted('Any status', loaded?.counts.suggested)}</Option>
            {improvementStatusSchema.options.map((value) => (
              <Option key={value} value={value}>
                {counted(improvementStatusLabels[value], loaded?.counts.byStatus[value])}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" {...restoreFocus} onClick={() => setSuggesting(true)}>
          Suggest an improvement
        </Button>
      </div>
      <div role="status">{message}</div>
      {list.state.status === 'loading' ? <LoadingState label="Loading the suggestions" /> : null}
      {list.state.status === 'error' ? (
        <ProblemMessageBar problem={list.state.problem} onRetry={list.retry} />
      ) : null}
      {shown?.length === 0 ? (
        <Text>
          {status === undefined
            ? 'No one has suggested an improvement yet.'
            : 'No suggestions match.'}
        </Text>
      ) : null}
      {shown !== undefined && shown.length > 0 ? (
        <div className={styles.tableWrap}>
          <Table aria-label="Improvements">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Suggestion</TableHeaderCell>
                <TableHeaderCell>Workflow task</TableHeaderCell>
                <TableHeaderCell>Suggested by</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Suggested on</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((item) => (
                <TableRow key={item.id}>
                  <TableCell className={styles.text}>
                    <Link as="button" {...restoreFocus} onClick={() => setSelected(item)}>
                      {shorten(item.title)}
                    </Link>
                  </TableCell>
                  <TableCell>{taskName(item.taskId) ?? '—'}</TableCell>
                  <TableCell>{item.suggestedByName ?? '—'}</TableCell>
                  <TableCell>
                    <ImprovementStatusBadge status={item.status} />
                  </TableCell>
                  <TableCell>{formatDay(item.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {selected ? (
        <ImprovementPanel
          client={client}
          improvement={selected}
          taskName={taskName(selected.taskId)}
          decides={decides}
          onClose={() => setSelected(undefined)}
          onChanged={(changed) => {
            setMessage(
              `“${changed.title}” is ${improvementStatusLabels[changed.status].toLowerCase()}.`,
            );
            list.retry();
          }}
        />
      ) : null}
      {suggesting ? (
        <SuggestImprovementPanel
          client={client}
          options={options}
          onClose={() => setSuggesting(false)}
          onSuggested={(created) => {
            setSuggesting(false);
            setMessage(`Thank you: “${created.title}” was sent to the AI champions.`);
            list.retry();
          }}
        />
      ) : null}
    </div>
  );
}
ImprovementsSection.displayName = 'ImprovementsSection';
