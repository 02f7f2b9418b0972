import { Tab, TabList } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { PageHeading } from '../pages/page-heading.js';
import { AuditLogSection } from './audit-log-section.js';
import { CurriculumSection } from './curriculum-section.js';
import { DeliveryProblemsSection } from './delivery-problems-section.js';
import { useProgramPageStyles } from './program-page.styles.js';
import { RosterSection } from './roster-section.js';
import { ScheduleSection } from './schedule-section.js';
import { UsageDataSection } from './usage-data-section.js';

export interface ProgramPageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
}

const sections = [
  { id: 'curriculum', label: 'Curriculum' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'deliveries', label: 'Delivery problems' },
  { id: 'roster', label: 'Roster' },
  { id: 'usage', label: 'Usage data' },
  { id: 'audit', label: 'Audit log' },
] as const;
type SectionId = (typeof sections)[number]['id'];

const isSectionId = (value: unknown): value is SectionId =>
  sections.some((section) => section.id === value);

const tabId = (section: SectionId): string => `program-section-${section}`;

/** What champions and admins set up behind the program: lessons, when they go out, what failed. */
export function ProgramPage({ client, me, program }: ProgramPageProps): JSX.Element {
  const styles = useProgramPageStyles();
  const [section, setSection] = useState<SectionId>('curriculum');
  // Only admins import the roster and usage data; champions see both through the scoreboard.
  // The audit log watches champions as well as admins, so it is for admins alone.
  const adminOnly: readonly SectionId[] = ['roster', 'usage', 'audit'];
  const shown = sections.filter(
    (item) => !adminOnly.includes(item.id) || me.roles.includes('admin'),
  );
  return (
    <section aria-labelledby="program-title" className={styles.root}>
      <PageHeading
        id="program-title"
        title="Program set-up"
        description="The curriculum each job family learns, when lessons go out, and the deliveries that need a look."
      />
      <TabList
        className={styles.sections}
        selectedValue={section}
        aria-label="Program sections"
        onTabSelect={(_, data) => {
          if (isSectionId(data.value)) setSection(data.value);
        }}
      >
        {shown.map((item) => (
          <Tab key={item.id} value={item.id} id={tabId(item.id)}>
            {item.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={tabId(section)} className={styles.panel}>
        {section === 'curriculum' ? (
          <CurriculumSection client={client} me={me} program={program} />
        ) : null}
        {section === 'schedule' ? <ScheduleSection client={client} /> : null}
        {section === 'deliveries' ? <DeliveryProblemsSection client={client} me={me} /> : null}
        {section === 'roster' && me.roles.includes('admin') ? (
          <RosterSection client={client} program={program} />
        ) : null}
        {section === 'usage' && me.roles.includes('admin') ? (
          <UsageDataSection client={client} />
        ) : null}
        {section === 'audit' && me.roles.includes('admin') ? (
          <AuditLogSection client={client} />
        ) : null}
      </div>
    </section>
  );
}
ProgramPage.displayName = 'ProgramPage';
