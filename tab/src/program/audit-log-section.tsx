import {
  Button,
  Dropdown,
  Field,
  mergeClasses,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import { auditPageSchema, type AuditPage } from '../../../src/contracts/audit.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { formatDateTime } from '../library/prompt-text.js';
import { DownloadButton } from '../scoreboard/download-button.js';
import {
  actionText,
  actorRolesText,
  actorText,
  auditPath,
  auditWeekChoices,
  defaultAuditWeeks,
  isAuditWeekChoice,
  signInText,
  weekSpanText,
  type AuditWeekChoice,
} from './audit-log-text.js';
import { useAuditLogStyles } from './audit-log.styles.js';
import { useProgramSectionStyles } from './program-section.styles.js';

/** Rows drawn at a time: a year of a busy tenant's changes would otherwise be one huge table. */
export const auditRowsPerStep = 100;

const weeksLabel = (weeks: number): string => `Last ${String(weeks)} weeks`;

export interface AuditLogSectionProps {
  readonly client: ApiClient;
}

/**
 * Admins: every change an admin, an AI champion or an API key made, newest first. Only rendered
 * for admins, so nobody else asks for the trail and gets a 403.
 */
export function AuditLogSection({ client }: AuditLogSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const own = useAuditLogStyles();
  const [weeks, setWeeks] = useState<AuditWeekChoice>(defaultAuditWeeks);
  const [exportProblem, setExportProblem] = useState<Problem | undefined>(undefined);
  const audit = useApiQuery(client, auditPath(weeks), auditPageSchema);

  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        Every change an admin, an AI champion or an API key made, recorded once it succeeded: when,
        who, how they signed in, what they did and to which item. Members’ and team leads’ own
        changes are not recorded.
      </Text>
      <div className={own.toolbar} role="group" aria-label="Audit log options">
        <Field label="Weeks shown" className={own.weeks}>
          <Dropdown
            value={weeksLabel(weeks)}
            selectedOptions={[String(weeks)]}
            onOptionSelect={(_, data) => {
              const value = Number(data.optionValue);
              if (isAuditWeekChoice(value)) setWeeks(value);
            }}
          >
            {auditWeekChoices.map((choice) => (
              <Option key={choice} value={String(choice)}>
                {weeksLabel(choice)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <DownloadButton
          client={client}
          path={auditPath(weeks, 'csv')}
          fileName={`lastmile-audit-${String(weeks)}-weeks.csv`}
          onProblem={setExportProblem}
        >
          Download CSV
        </DownloadButton>
      </div>
      {exportProblem ? <ProblemMessageBar problem={exportProblem} /> : null}
      {audit.state.status === 'loading' ? <LoadingState label="Loading the audit log" /> : null}
      {audit.state.status === 'error' ? (
        <ProblemMessageBar problem={audit.state.problem} onRetry={audit.retry} />
      ) : null}
      {audit.state.status === 'success' && audit.state.data.entries.length === 0 ? (
        <Text className={styles.empty}>
          {`No changes by admins or champions in these weeks (${weekSpanText(audit.state.data.weeks)}).`}
        </Text>
      ) : null}
      {audit.state.status === 'success' && audit.state.data.entries.length > 0 ? (
        // Keyed by the span, so a new span starts again from its first rows.
        <AuditTable key={weeks} page={audit.state.data} />
      ) : null}
    </div>
  );
}
AuditLogSection.displayName = 'AuditLogSection';

interface AuditTableProps {
  readonly page: AuditPage;
}

function AuditTable({ page }: AuditTableProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const own = useAuditLogStyles();
  const [shown, setShown] = useState(auditRowsPerStep);
  const scroller = useRef<HTMLDivElement>(null);
  const total = page.entries.length;
  const rows = page.entries.slice(0, shown);
  const left = total - rows.length;

  const showMore = (): void => {
    setShown((value) => value + auditRowsPerStep);
    // The button goes away with the last rows; focus stays in the table rather than on nothing.
    if (left <= auditRowsPerStep) scroller.current?.focus();
  };

  return (
    <div className={mergeClasses(styles.surface, own.surface)}>
      <Text as="h4" id="audit-log-title" size={500} weight="semibold" className={styles.heading}>
        Recorded changes
      </Text>
      <Text as="p" id="audit-log-span" className={styles.muted} aria-live="polite">
        {`Showing ${String(rows.length)} of ${String(total)} ${total === 1 ? 'change' : 'changes'} in ${weekSpanText(page.weeks)}, newest first.`}
      </Text>
      {/* Focusable so that keyboard users can scroll a table wider than the tab sideways. */}
      <div
        ref={scroller}
        className={own.tableWrap}
        role="region"
        aria-labelledby="audit-log-title"
        tabIndex={0}
      >
        <Table
          size="small"
          className={own.table}
          aria-labelledby="audit-log-title"
          aria-describedby="audit-log-span"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={own.whenColumn}>When</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell className={own.signInColumn}>Signed in with</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>Item</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((entry) => {
              const roles = actorRolesText(entry);
              const described = actionText(entry.action);
              return (
                <TableRow key={entry.id}>
                  <TableCell className={own.nowrap}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </TableCell>
                  <TableCell>
                    <span className={own.stack}>
                      <span>{actorText(entry)}</span>
                      {roles === undefined ? null : <span className={own.secondary}>{roles}</span>}
                    </span>
                  </TableCell>
                  <TableCell>{signInText(entry.via)}</TableCell>
                  <TableCell>
                    <span className={own.stack}>
                      <span>{described}</span>
                      {described === entry.action ? null : (
                        <code className={mergeClasses(own.code, own.secondary)}>
                          {entry.action}
                        </code>
                      )}
                    </span>
                  </TableCell>
                  <TableCell>
                    {entry.targetId === undefined ? (
                      <span className={own.none}>None</span>
                    ) : (
                      <code className={own.code}>{entry.targetId}</code>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {left > 0 ? (
        <div className={styles.actions}>
          <Button onClick={showMore}>
            {`Show ${String(Math.min(left, auditRowsPerStep))} more`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
AuditTable.displayName = 'AuditTable';
