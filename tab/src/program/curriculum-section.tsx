import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { workflowListSchema } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { libraryOptions } from '../library/library-options.js';
import { JobFamilyCurriculum } from './job-family-curriculum.js';
import { useProgramSectionStyles } from './program-section.styles.js';

export interface CurriculumSectionProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

/** Each job family's 8-week curriculum of micro-lessons, one family at a time. */
export function CurriculumSection({ client, me, program }: CurriculumSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const controls = useFormControlStyles();
  const workflows = useApiQuery(client, '/api/workflows', workflowListSchema);
  const overview = program.state.status === 'success' ? program.state.data : undefined;
  const tasks = workflows.state.status === 'success' ? workflows.state.data.items : undefined;
  const options = useMemo(() => libraryOptions(overview, tasks), [overview, tasks]);
  const families = overview?.jobFamilies ?? [];
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // The champion's own job family first, as that is the curriculum they know best.
  const jobFamily =
    families.find((family) => family.id === picked) ??
    families.find((family) => family.id === me.jobFamily) ??
    families[0];

  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        Each job family gets a lesson a week for 8 weeks: at most five minutes, with a realistic
        scenario from a mapped task, a library prompt to try, one check question and a reflection.
        The bot delivers published lessons on each person&apos;s lesson day.
      </Text>
      {program.state.status === 'loading' ? (
        <LoadingState label="Loading the job families" />
      ) : null}
      {program.state.status === 'error' ? (
        <ProblemMessageBar problem={program.state.problem} onRetry={program.retry} />
      ) : null}
      {workflows.state.status === 'error' ? (
        <ProblemMessageBar problem={workflows.state.problem} onRetry={workflows.retry} />
      ) : null}
      {overview && !jobFamily ? (
        <Text className={styles.empty}>
          No job families yet. Curricula are written per job family, so add those first.
        </Text>
      ) : null}
      {jobFamily ? (
        <>
          <div className={styles.toolbar}>
            <Field label="Job family" className={styles.filter}>
              <Dropdown
                className={controls.fill}
                value={jobFamily.name}
                selectedOptions={[jobFamily.id]}
                onOptionSelect={(_, data) => setPicked(data.optionValue)}
              >
                {families.map((family) => (
                  <Option key={family.id} value={family.id}>
                    {family.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <JobFamilyCurriculum
            key={jobFamily.id}
            client={client}
            jobFamily={jobFamily}
            options={options}
          />
        </>
      ) : null}
    </div>
  );
}
CurriculumSection.displayName = 'CurriculumSection';
