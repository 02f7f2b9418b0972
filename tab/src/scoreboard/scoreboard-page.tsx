import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  scoreboardSchema,
  type Scoreboard,
  type ScoreboardDepartment,
} from '../../../src/contracts/adoption.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { PageHeading } from '../pages/page-heading.js';
import { DepartmentPeople } from './department-people.js';
import { DepartmentTable } from './department-table.js';
import { DownloadButton } from './download-button.js';
import { FigureTiles } from './figure-tiles.js';
import {
  defaultWeeks,
  isWeekChoice,
  scoreboardFigures,
  scoreboardPath,
  visibleDepartments,
  weekChoices,
  type WeekChoice,
} from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';
import { StragglersSection } from './stragglers-section.js';
import { WauTrend } from './wau-trend.js';

export interface ScoreboardPageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
}

interface ScoreboardBodyProps extends ScoreboardPageProps {
  readonly scoreboard: Scoreboard;
  readonly weeks: WeekChoice;
}

function ScoreboardBody({ client, me, scoreboard, weeks }: ScoreboardBodyProps): JSX.Element {
  // Undefined until someone picks: every department the scoreboard may show is on the chart.
  const [picked, setPicked] = useState<readonly string[] | undefined>(undefined);
  const [peopleOf, setPeopleOf] = useState<ScoreboardDepartment | undefined>(undefined);
  const shownIds = picked ?? visibleDepartments(scoreboard).map((department) => department.id);
  // Individuals are for champions only; the server refuses anyone else as well.
  const seesPeople = me.roles.includes('champion');

  return (
    <>
      <FigureTiles label="Headline figures" figures={scoreboardFigures(scoreboard)} />
      <WauTrend scoreboard={scoreboard} shownIds={shownIds} onShownIdsChange={setPicked} />
      <StragglersSection client={client} scoreboard={scoreboard} />
      <DepartmentTable
        scoreboard={scoreboard}
        onOpenPeople={seesPeople ? (department) => setPeopleOf(department) : undefined}
      />
      {peopleOf ? (
        <DepartmentPeople
          client={client}
          department={peopleOf}
          weeks={weeks}
          onClose={() => setPeopleOf(undefined)}
        />
      ) : null}
    </>
  );
}
ScoreboardBody.displayName = 'ScoreboardBody';

/** The champion's view of adoption: weekly active share by department, and who to coach. */
export function ScoreboardPage({ client, me }: ScoreboardPageProps): JSX.Element {
  const styles = useScoreboardStyles();
  const [weeks, setWeeks] = useState<WeekChoice>(defaultWeeks);
  const [exportProblem, setExportProblem] = useState<Problem | undefined>(undefined);
  const scoreboard = useApiQuery(client, scoreboardPath(weeks), scoreboardSchema);

  return (
    <section aria-labelledby="scoreboard-title" className={styles.root}>
      <PageHeading
        id="scoreboard-title"
        title="Scoreboard"
        description="Weekly active usage as a share of eligible people, by department, week by week, with the departments that could use some coaching."
      />
      <div className={styles.toolbar} role="group" aria-label="Scoreboard options">
        <Field label="Weeks shown" className={styles.filter}>
          <Dropdown
            value={`Last ${String(weeks)} weeks`}
            selectedOptions={[String(weeks)]}
            onOptionSelect={(_, data) => {
              const value = Number(data.optionValue);
              if (isWeekChoice(value)) setWeeks(value);
            }}
          >
            {weekChoices.map((choice) => (
              <Option key={choice} value={String(choice)}>
                {`Last ${String(choice)} weeks`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <DownloadButton
          client={client}
          path={scoreboardPath(weeks, 'csv')}
          fileName={`lastmile-scoreboard-${String(weeks)}-weeks.csv`}
          onProblem={setExportProblem}
        >
          Export CSV
        </DownloadButton>
      </div>
      {exportProblem ? <ProblemMessageBar problem={exportProblem} /> : null}
      {scoreboard.state.status === 'loading' ? (
        <LoadingState label="Loading the scoreboard" />
      ) : null}
      {scoreboard.state.status === 'error' ? (
        <ProblemMessageBar problem={scoreboard.state.problem} onRetry={scoreboard.retry} />
      ) : null}
      {scoreboard.state.status === 'success' ? (
        scoreboard.state.data.weeks.length === 0 ? (
          <Text>No weeks to show yet.</Text>
        ) : (
          <ScoreboardBody
            client={client}
            me={me}
            scoreboard={scoreboard.state.data}
            weeks={weeks}
          />
        )
      ) : null}
    </section>
  );
}
ScoreboardPage.displayName = 'ScoreboardPage';
