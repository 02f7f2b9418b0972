import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import {
  type CopilotImportReport,
  copilotImportReportSchema,
  copilotReportStatusSchema,
} from '../../../src/contracts/usage-data.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import { useUsageDataStyles } from './usage-data.styles.js';
import { copilotImportSummary } from './usage-data-text.js';

export const copilotReportPath = '/api/integrations/copilot-report';

export interface CopilotImportPanelProps {
  readonly client: ApiClient;
}

/** Runs the Microsoft 365 Copilot usage report import and shows what it found. */
export function CopilotImportPanel({ client }: CopilotImportPanelProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const own = useUsageDataStyles();
  const status = useApiQuery(client, copilotReportPath, copilotReportStatusSchema);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<CopilotImportReport | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const run = (): void => {
    if (running) return;
    setRunning(true);
    setProblem(undefined);
    setReport(undefined);
    client.send('POST', `${copilotReportPath}/import`, undefined, copilotImportReportSchema).then(
      ({ value }) => {
        setRunning(false);
        setReport(value);
      },
      (error: unknown) => {
        setRunning(false);
        setProblem(toProblem(error));
      },
    );
  };

  const configured = status.state.status === 'success' && status.state.data.configured;
  return (
    <section aria-labelledby="copilot-import-title" className={styles.surface}>
      <Text
        as="h4"
        id="copilot-import-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        Microsoft 365 Copilot usage report
      </Text>
      <Text as="p" className={styles.intro}>
        Reads the last 7 days of the tenant&apos;s Copilot usage report from Microsoft Graph: each
        person&apos;s last use of Copilot in Teams, Word, Excel, PowerPoint, Outlook, OneNote, Loop
        and Copilot Chat counts as usage on that day. Running it again adds only what is new.
      </Text>
      {status.state.status === 'loading' ? <LoadingState label="Checking the import" /> : null}
      {status.state.status === 'error' ? (
        <ProblemMessageBar problem={status.state.problem} onRetry={status.retry} />
      ) : null}
      {status.state.status === 'success' && !status.state.data.configured ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not set up on this server</MessageBarTitle>
            The import signs in as the Lastmile app. Whoever runs the server gives the app a client
            secret (<code>LASTMILE_GRAPH_CLIENT_SECRET</code>) and the Reports.Read.All application
            permission with admin consent.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={own.form}>
        <Button appearance="primary" disabledFocusable={running || !configured} onClick={run}>
          {running ? 'Importing…' : 'Import the last 7 days'}
        </Button>
      </div>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div role="status">{report ? copilotImportSummary(report) : ''}</div>
      {report?.notice ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{report.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report && report.rejectedExamples.length > 0 ? (
        <ul className={own.list} aria-label="Rejected usage events">
          {report.rejectedExamples.map((example) => (
            <li key={example.id}>
              <code className={own.code}>{example.id}</code>: {example.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
CopilotImportPanel.displayName = 'CopilotImportPanel';
