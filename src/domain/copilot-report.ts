import { z } from 'zod';

/**
 * The Microsoft 365 Copilot usage report (Graph `getMicrosoft365CopilotUsageUserDetail`): one row
 * per licensed user with the last date they used Copilot in each app. Each distinct date becomes
 * a usage event with a deterministic id, so importing the same report again adds nothing.
 */

/** The report period the import reads: the last seven days. */
export const copilotReportPeriod = 'D7';

/** The report's per-app last-activity columns and the tool name their events carry. */
export const copilotAppColumns = [
  { column: 'microsoftTeamsCopilotLastActivityDate', tool: 'teams' },
  { column: 'wordCopilotLastActivityDate', tool: 'word' },
  { column: 'excelCopilotLastActivityDate', tool: 'excel' },
  { column: 'powerPointCopilotLastActivityDate', tool: 'powerpoint' },
  { column: 'outlookCopilotLastActivityDate', tool: 'outlook' },
  { column: 'oneNoteCopilotLastActivityDate', tool: 'onenote' },
  { column: 'loopCopilotLastActivityDate', tool: 'loop' },
  { column: 'copilotChatLastActivityDate', tool: 'copilot-chat' },
] as const;

/** The tool of a `lastActivityDate` that no per-app column accounts for (an app not listed). */
export const anyCopilotAppTool = 'microsoft-365-copilot';

export const copilotUsageSource = 'copilot';

const cell = z.string().nullish();

/** One row as documented; unknown columns (newer report versions) pass through unread. */
export const copilotUsageRowSchema = z.looseObject({
  reportRefreshDate: cell,
  userPrincipalName: cell,
  displayName: cell,
  lastActivityDate: cell,
  ...Object.fromEntries(copilotAppColumns.map(({ column }) => [column, cell])),
});

/** A page of the JSON report: rows in `value`, and `@odata.nextLink` while more pages follow. */
export const copilotUsagePageSchema = z.looseObject({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().min(1).optional(),
});
export type CopilotUsagePage = z.infer<typeof copilotUsagePageSchema>;

export interface CopilotUsageEvent {
  readonly id: string;
  readonly upn: string;
  readonly occurredAt: string;
  readonly source: typeof copilotUsageSource;
  readonly tool: string;
}

export interface CopilotRowsOutcome {
  /** The readable user principal names, lower-cased, in report order. */
  readonly users: readonly string[];
  /** Rows without a readable user principal name: concealed (hashed) or missing. */
  readonly concealed: number;
  readonly events: readonly CopilotUsageEvent[];
  /** The newest refresh date of the rows, if any carried one. */
  readonly reportRefreshDate?: string;
}

const upnPattern = /^[^\s@]+@[^\s@]+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the report shows a concealed name: with "Display concealed user, group, and site names
 * in all reports" on, Microsoft 365 replaces each name with a hash (32 hex digits), which matches
 * nobody on the roster.
 */
export function isConcealedUpn(upn: string | null | undefined): boolean {
  return upn === null || upn === undefined || !upnPattern.test(upn.trim());
}

/** A calendar date of the report (`YYYY-MM-DD`) that is real and not after `latest`. */
function usableDate(value: string | null | undefined, latest: string): string | undefined {
  const date = value?.trim();
  if (date === undefined || !datePattern.test(date) || date > latest) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date
    ? undefined
    : date;
}

/**
 * Turns report rows into usage events: one per user, app and last-activity date, at noon UTC of
 * that date (the report has dates, not times; at noon UTC it is the same date from UTC-11 to
 * UTC+11). Dates after `today` (UTC, `YYYY-MM-DD`) are ignored as bad data.
 */
export function eventsFromCopilotRows(rows: readonly unknown[], today: string): CopilotRowsOutcome {
  const users: string[] = [];
  const events: CopilotUsageEvent[] = [];
  let concealed = 0;
  let reportRefreshDate: string | undefined;

  for (const raw of rows) {
    const parsed = copilotUsageRowSchema.safeParse(raw);
    if (!parsed.success || isConcealedUpn(parsed.data.userPrincipalName)) {
      concealed += 1;
      continue;
    }
    const row = parsed.data as Record<string, string | null | undefined>;
    const upn = (row['userPrincipalName'] ?? '').trim().toLowerCase();
    users.push(upn);
    const refreshed = usableDate(row['reportRefreshDate'], today);
    if (
      refreshed !== undefined &&
      (reportRefreshDate === undefined || refreshed > reportRefreshDate)
    )
      reportRefreshDate = refreshed;

    const dates = new Set<string>();
    const add = (tool: string, date: string): void => {
      events.push({
        id: `copilot:${upn}:${tool}:${date}`,
        upn,
        occurredAt: `${date}T12:00:00Z`,
        source: copilotUsageSource,
        tool,
      });
    };
    for (const { column, tool } of copilotAppColumns) {
      const date = usableDate(row[column], today);
      if (date === undefined) continue;
      dates.add(date);
      add(tool, date);
    }
    const last = usableDate(row['lastActivityDate'], today);
    if (last !== undefined && !dates.has(last)) add(anyCopilotAppTool, last);
  }

  return reportRefreshDate === undefined
    ? { users, concealed, events }
    : { users, concealed, events, reportRefreshDate };
}
