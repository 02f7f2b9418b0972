import {
  Button,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useRef, useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import {
  type UsageCsvImportResult,
  usageCsvImportResultSchema,
} from '../../../src/contracts/usage-data.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import { useUsageDataStyles } from './usage-data.styles.js';
import { csvImportSummary, unlistedRejections } from './usage-data-text.js';

export const usageCsvImportPath = '/api/usage-events/import';

export interface UsageCsvImportPanelProps {
  readonly client: ApiClient;
}

/** Uploads a usage CSV exported from any AI tool and shows what was recorded and what was not. */
export function UsageCsvImportPanel({ client }: UsageCsvImportPanelProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const own = useUsageDataStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<UsageCsvImportResult | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (importing) return;
    if (file === undefined) {
      setFileError('Choose a CSV file first.');
      fileInput.current?.focus();
      return;
    }
    setFileError(undefined);
    setProblem(undefined);
    setResult(undefined);
    setImporting(true);
    // The tab's client sends JSON; the server takes the CSV text as { csv } as well as text/csv.
    file
      .text()
      .then((csv) => client.send('POST', usageCsvImportPath, { csv }, usageCsvImportResultSchema))
      .then(
        ({ value }) => {
          setImporting(false);
          setResult(value);
        },
        (error: unknown) => {
          setImporting(false);
          setProblem(toProblem(error));
        },
      );
  };

  const more = result === undefined ? undefined : unlistedRejections(result);
  return (
    <section aria-labelledby="usage-csv-title" className={styles.surface}>
      <Text as="h4" id="usage-csv-title" size={500} weight="semibold" className={styles.heading}>
        Import usage from a CSV file
      </Text>
      <Text as="p" className={styles.intro}>
        One row per use of an AI tool, with a header naming the columns <code>id</code> (unique per
        event), <code>upn</code> or <code>userId</code>, <code>occurredAt</code> (a date, or a date
        and time with its offset), and optionally <code>source</code> and <code>tool</code>. Rows
        already imported are skipped, so a file can be sent again after fixing it.
      </Text>
      <form className={own.form} onSubmit={submit} noValidate aria-label="Import a usage CSV">
        <Field label="Usage CSV file" validationMessage={fileError ?? null}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              ref={fileInput}
              type="file"
              accept=".csv,text/csv"
              className={own.fileInput}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0]);
                setFileError(undefined);
              }}
            />
          )}
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={importing}>
          {importing ? 'Importing…' : 'Import'}
        </Button>
      </form>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div role="status">{result ? csvImportSummary(result) : ''}</div>
      {result && result.rejected.length > 0 ? (
        <>
          <Table size="small" aria-label="Rejected rows">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.narrowColumn}>Line</TableHeaderCell>
                <TableHeaderCell>Why it was rejected</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rejected.map((rejection, index) => (
                <TableRow key={`${String(rejection.line)}:${String(index)}`}>
                  <TableCell>{rejection.line}</TableCell>
                  <TableCell>{rejection.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {more ? <Text className={styles.muted}>{more}</Text> : null}
        </>
      ) : null}
    </section>
  );
}
UsageCsvImportPanel.displayName = 'UsageCsvImportPanel';
