import { Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import { checkpointSchema, type Checkpoint } from '../../../src/contracts/adoption.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { formatIsoDate } from '../pages/format.js';
import { PageHeading } from '../pages/page-heading.js';
import { DownloadButton } from '../scoreboard/download-button.js';
import { FigureTiles } from '../scoreboard/figure-tiles.js';
import { formatPct, formatPointChange } from '../scoreboard/scoreboard-format.js';
import { checkpointExportPath, checkpointPath } from './checkpoint-format.js';
import {
  printRootAttribute,
  useCheckpointPrintStyles,
  useCheckpointStyles,
} from './checkpoint.styles.js';
import { DiagnosisList } from './diagnosis-list.js';
import { FeedbackSection } from './feedback-section.js';
import { TaskTimesSection } from './task-times-section.js';
import { UsageSection } from './usage-section.js';

export interface CheckpointPageProps {
  readonly client: ApiClient;
  readonly program: ApiQuery<ProgramOverview>;
}

function headlineFigures(checkpoint: Checkpoint): Parameters<typeof FigureTiles>[0]['figures'] {
  const { overall, flags, improvements } = checkpoint;
  return [
    {
      label: 'Weekly active at start',
      value: formatPct(overall.wauPctStart),
      note: `Week ${checkpoint.startWeek}`,
    },
    {
      label: 'Weekly active now',
      value: formatPct(overall.wauPctNow),
      note: `${formatPointChange(overall.wauPctNow - overall.wauPctStart)} · target ${formatPct(checkpoint.targetPct)}`,
    },
    {
      label: 'Flags resolved',
      value: `${new Intl.NumberFormat().format(flags.resolved)} of ${new Intl.NumberFormat().format(flags.raised)}`,
      note: `${new Intl.NumberFormat().format(flags.open)} still open`,
    },
    {
      label: 'Improvements',
      value: new Intl.NumberFormat().format(improvements.suggested),
      note: `${new Intl.NumberFormat().format(improvements.pushedToVendor)} pushed to the vendor`,
    },
  ];
}

function periodText(checkpoint: Checkpoint): string {
  const day = Math.min(Math.max(checkpoint.daysIn, 0), 90);
  const start = formatIsoDate(checkpoint.programStart.slice(0, 10));
  return `Day ${String(day)} of 90 · program started ${start} · weeks ${checkpoint.startWeek} to ${checkpoint.nowWeek}`;
}

/** The 90-day checkpoint: is the AI used, and is the work changing? With where to look first. */
export function CheckpointPage({ client, program }: CheckpointPageProps): JSX.Element {
  useCheckpointPrintStyles();
  const styles = useCheckpointStyles();
  const checkpoint = useApiQuery(client, checkpointPath, checkpointSchema);
  const [exportProblem, setExportProblem] = useState<Problem | undefined>(undefined);
  const minGroupSize =
    program.state.status === 'success' ? program.state.data.settings?.minGroupSize : undefined;
  const data = checkpoint.state.status === 'success' ? checkpoint.state.data : undefined;
  const printRoot = { [printRootAttribute]: '' };

  return (
    <section aria-labelledby="checkpoint-title" className={styles.root} {...printRoot}>
      <PageHeading
        id="checkpoint-title"
        title="90-day checkpoint"
        description="Honest numbers for the first 90 days: not only whether AI is used, but whether the work is changing, and where to look where it is not."
      />
      <div
        className={styles.actions}
        role="group"
        aria-label="Checkpoint actions"
        data-print="hide"
      >
        <Button appearance="primary" disabled={!data} onClick={() => window.print()}>
          Print
        </Button>
        <DownloadButton
          client={client}
          path={checkpointExportPath('csv')}
          fileName="lastmile-checkpoint.csv"
          onProblem={setExportProblem}
        >
          Download CSV
        </DownloadButton>
        <DownloadButton
          client={client}
          path={checkpointExportPath('json')}
          fileName="lastmile-checkpoint.json"
          onProblem={setExportProblem}
        >
          Download JSON
        </DownloadButton>
      </div>
      {exportProblem ? <ProblemMessageBar problem={exportProblem} /> : null}
      {checkpoint.state.status === 'loading' ? (
        <LoadingState label="Loading the checkpoint" />
      ) : null}
      {checkpoint.state.status === 'error' ? (
        <ProblemMessageBar problem={checkpoint.state.problem} onRetry={checkpoint.retry} />
      ) : null}
      {data ? (
        <>
          <Text as="p" className={styles.period}>
            {periodText(data)}
          </Text>
          <DiagnosisList diagnosis={data.diagnosis} />
          <FigureTiles label="Checkpoint figures" figures={headlineFigures(data)} />
          <TaskTimesSection checkpoint={data} />
          <UsageSection checkpoint={data} minGroupSize={minGroupSize} />
          <FeedbackSection checkpoint={data} />
        </>
      ) : null}
    </section>
  );
}
CheckpointPage.displayName = 'CheckpointPage';
