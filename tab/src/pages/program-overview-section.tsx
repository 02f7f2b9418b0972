import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { DepartmentsTable } from './departments-table.js';
import { JobFamiliesTable } from './job-families-table.js';
import { ProgramFacts } from './program-facts.js';
import { useProgramOverviewSectionStyles } from './program-overview-section.styles.js';

export interface ProgramOverviewSectionProps {
  readonly overview: ProgramOverview;
}

/** The tenant's set-up from `GET /api/program`. */
export function ProgramOverviewSection({ overview }: ProgramOverviewSectionProps): JSX.Element {
  const styles = useProgramOverviewSectionStyles();
  return (
    <section aria-labelledby="program-overview-title" className={styles.root}>
      <Text
        as="h3"
        id="program-overview-title"
        size={500}
        weight="semibold"
        className={styles.title}
      >
        Your program
      </Text>
      {overview.settings ? (
        <ProgramFacts settings={overview.settings} headcount={overview.headcount} />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The program is not set up yet</MessageBarTitle>
            An admin sets the organisation name, the start date and the weekly active target on the
            Program page. {overview.headcount} people are on the roster so far.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tables}>
        <DepartmentsTable departments={overview.departments} />
        <JobFamiliesTable jobFamilies={overview.jobFamilies} />
      </div>
    </section>
  );
}
ProgramOverviewSection.displayName = 'ProgramOverviewSection';
