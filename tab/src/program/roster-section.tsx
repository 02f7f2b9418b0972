import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ChangeEvent, JSX } from 'react';
import { useRef, useState } from 'react';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import {
  rosterCsvColumnHelp,
  rosterCsvColumns,
  type RosterImportReport,
  type RosterRowError,
} from '../../../src/contracts/roster.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import type { ApiQuery } from '../api/use-api-query.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import {
  changeText,
  columnLabel,
  maxRosterFileBytes,
  reportSummary,
  rosterTemplateFileName,
  rosterTemplateHref,
  sendRoster,
  type RosterOutcome,
} from './roster-requests.js';
import { useRosterSectionStyles } from './roster-section.styles.js';

export interface RosterSectionProps {
  readonly client: ApiClient;
  readonly program: ApiQuery<ProgramOverview>;
}

interface ChosenFile {
  readonly name: string;
  readonly text: string;
}

/** Tables show this many rows; the summary gives the full count. */
const rowsShown = 200;

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${String(bytes)} bytes` : `${String(Math.ceil(bytes / 1024))} KB`;
}

/**
 * The roster from a CSV (admins): choose a file, check it (a dry run that reports every row at
 * fault, or what would change), then import it. Nothing is written while any row has an error.
 */
export function RosterSection({ client, program }: RosterSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const roster = useRosterSectionStyles();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ChosenFile | undefined>(undefined);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'checking' | 'importing' | undefined>(undefined);
  const [outcome, setOutcome] = useState<RosterOutcome | undefined>(undefined);
  const overview = program.state.status === 'success' ? program.state.data : undefined;

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const picked = event.target.files?.[0];
    // Cleared so that choosing the same file again, after fixing it, is seen as a change.
    event.target.value = '';
    if (picked === undefined) return;
    setOutcome(undefined);
    setFile(undefined);
    if (picked.size > maxRosterFileBytes) {
      setFileProblem(
        `${picked.name} is ${sizeText(picked.size)}; a roster file may be at most ${sizeText(maxRosterFileBytes)}. Import it in parts.`,
      );
      return;
    }
    picked.text().then(
      (text) => {
        setFileProblem(undefined);
        setFile({ name: picked.name, text });
      },
      () => setFileProblem(`${picked.name} could not be read.`),
    );
  };

  const send = (dryRun: boolean): void => {
    if (file === undefined || busy !== undefined) return;
    setBusy(dryRun ? 'checking' : 'importing');
    setOutcome(undefined);
    sendRoster(client, file.text, dryRun).then(
      (result) => {
        setBusy(undefined);
        setOutcome(result);
        if (!dryRun && result.kind === 'report') {
          setFile(undefined);
          program.retry();
        }
      },
      (error: unknown) => {
        setBusy(undefined);
        setOutcome({ kind: 'failed', problem: toProblem(error) });
      },
    );
  };

  const checked =
    outcome?.kind === 'report' && outcome.report.dryRun && file !== undefined
      ? outcome.report
      : undefined;
  const imported =
    outcome?.kind === 'report' && !outcome.report.dryRun ? outcome.report : undefined;
  const toWrite = checked === undefined ? 0 : checked.created + checked.updated;

  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        Who takes part in the program, from a CSV file: one row per person with their department,
        job family, role and whether they count as eligible in usage figures. Check the file first:
        every row at fault is listed with its line, and nothing is written while any row is wrong.
        Teams can also add their members: an admin or champion types “sync roster” in the team.
      </Text>
      <section aria-labelledby="roster-file-title" className={styles.surface}>
        <Text
          as="h4"
          id="roster-file-title"
          size={500}
          weight="semibold"
          className={styles.heading}
        >
          Import a roster file
        </Text>
        <ul className={roster.columns} aria-label="Roster columns">
          {rosterCsvColumns.map((column) => (
            <li key={column}>
              <span className={roster.columnName}>{column}</span>: {rosterCsvColumnHelp[column]}
            </li>
          ))}
        </ul>
        <Text className={styles.muted}>
          Start from the{' '}
          <Link href={rosterTemplateHref(overview)} download={rosterTemplateFileName} inline>
            roster template (CSV)
          </Link>
          . Headers may be spelled “Display Name” or “displayName”; departments and job families may
          be given by id or by name.
        </Text>
        <div className={roster.picker}>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            aria-label="Roster CSV file"
            className={roster.fileInput}
            onChange={choose}
          />
          <Button onClick={() => input.current?.click()} disabledFocusable={busy !== undefined}>
            Choose a CSV file
          </Button>
          <Text aria-live="polite">
            {file === undefined ? 'No file chosen.' : `Chosen: ${file.name}`}
          </Text>
        </div>
        {fileProblem === undefined ? null : (
          <MessageBar intent="error">
            <MessageBarBody>{fileProblem}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            disabledFocusable={file === undefined || busy !== undefined}
            onClick={() => send(true)}
          >
            {busy === 'checking' ? 'Checking…' : 'Check the file'}
          </Button>
          <Button
            appearance="primary"
            disabledFocusable={checked === undefined || toWrite === 0 || busy !== undefined}
            onClick={() => send(false)}
          >
            {busy === 'importing'
              ? 'Importing…'
              : toWrite > 0
                ? `Import ${String(toWrite)} ${toWrite === 1 ? 'change' : 'changes'}`
                : 'Import'}
          </Button>
        </div>
        <div role="status">
          {checked === undefined ? null : (
            <MessageBar intent={toWrite > 0 ? 'info' : 'success'} layout="multiline">
              <MessageBarBody>
                {toWrite > 0
                  ? reportSummary(checked)
                  : 'Every row already matches the roster: there is nothing to import.'}
              </MessageBarBody>
            </MessageBar>
          )}
          {imported === undefined ? null : (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Roster imported</MessageBarTitle>
                {reportSummary(imported)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {outcome?.kind === 'failed' ? <ProblemMessageBar problem={outcome.problem} /> : null}
      </section>
      {outcome?.kind === 'rejected' ? (
        <RowErrors detail={outcome.problem.detail} errors={outcome.errors} />
      ) : null}
      {checked !== undefined && checked.changes.length > 0 ? <RowChanges report={checked} /> : null}
    </div>
  );
}
RosterSection.displayName = 'RosterSection';

function RowErrors({
  detail,
  errors,
}: {
  readonly detail: string | undefined;
  readonly errors: readonly RosterRowError[];
}): JSX.Element {
  const styles = useProgramSectionStyles();
  const roster = useRosterSectionStyles();
  const shown = errors.slice(0, rowsShown);
  return (
    <section aria-labelledby="roster-errors-title" className={styles.surface}>
      <Text
        as="h4"
        id="roster-errors-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        Rows to fix
      </Text>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {detail ?? 'The file has errors; nothing was written to the roster.'}
        </MessageBarBody>
      </MessageBar>
      {shown.length < errors.length ? (
        <Text className={styles.muted}>
          Showing the first {shown.length} of {errors.length} problems.
        </Text>
      ) : null}
      <Table size="small" aria-labelledby="roster-errors-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={roster.lineColumn}>Line</TableHeaderCell>
            <TableHeaderCell>Column</TableHeaderCell>
            <TableHeaderCell>Problem</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((error, index) => (
            <TableRow key={`${String(error.line)}:${error.field}:${String(index)}`}>
              <TableCell>{error.line === 0 ? '–' : error.line}</TableCell>
              <TableCell>{columnLabel(error.field)}</TableCell>
              <TableCell>{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
RowErrors.displayName = 'RosterRowErrors';

function RowChanges({ report }: { readonly report: RosterImportReport }): JSX.Element {
  const styles = useProgramSectionStyles();
  const roster = useRosterSectionStyles();
  const shown = report.changes.slice(0, rowsShown);
  return (
    <section aria-labelledby="roster-changes-title" className={styles.surface}>
      <Text
        as="h4"
        id="roster-changes-title"
        size={500}
        weight="semibold"
        className={styles.heading}
      >
        What the import will change
      </Text>
      {shown.length < report.changes.length ? (
        <Text className={styles.muted}>
          Showing the first {shown.length} of {report.changes.length} rows that change.
        </Text>
      ) : null}
      <Table size="small" aria-labelledby="roster-changes-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={roster.lineColumn}>Line</TableHeaderCell>
            <TableHeaderCell>UPN</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((change) => (
            <TableRow key={change.line}>
              <TableCell>{change.line}</TableCell>
              <TableCell>{change.upn}</TableCell>
              <TableCell>{changeText(change)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
RowChanges.displayName = 'RosterRowChanges';
