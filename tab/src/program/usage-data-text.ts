import type { ApiKeyView } from '../../../src/contracts/adoption.js';
import type {
  CopilotImportReport,
  UsageCsvImportResult,
} from '../../../src/contracts/usage-data.js';

const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** One sentence on what a usage CSV import did. */
export function csvImportSummary(result: UsageCsvImportResult): string {
  return (
    `Read ${plural(result.rows, 'row', 'rows')}: ${plural(result.accepted, 'event', 'events')} recorded, ` +
    `${result.duplicates.toLocaleString('en-US')} already recorded before, ` +
    `${result.rejectedTotal.toLocaleString('en-US')} rejected.`
  );
}

/** Says how many rejected rows the list leaves out, if any. */
export function unlistedRejections(result: UsageCsvImportResult): string | undefined {
  const left = result.rejectedTotal - result.rejected.length;
  return left > 0 ? `…and ${plural(left, 'more rejected row', 'more rejected rows')}.` : undefined;
}

/** One sentence on what a Copilot report import did. */
export function copilotImportSummary(report: CopilotImportReport): string {
  const refreshed =
    report.reportRefreshDate === undefined ? '' : ` (refreshed ${report.reportRefreshDate})`;
  return (
    `Read ${plural(report.pages, 'page', 'pages')} of the report${refreshed}: ` +
    `${plural(report.users, 'person', 'people')}, ${plural(report.events, 'usage event', 'usage events')}; ` +
    `${report.accepted.toLocaleString('en-US')} recorded, ${report.duplicates.toLocaleString('en-US')} already recorded before, ` +
    `${report.rejected.toLocaleString('en-US')} rejected, ${report.concealed.toLocaleString('en-US')} concealed ${report.concealed === 1 ? 'name' : 'names'} skipped.`
  );
}

export function keyStatus(key: Pick<ApiKeyView, 'revokedAt'>): 'active' | 'revoked' {
  return key.revokedAt === undefined ? 'active' : 'revoked';
}
