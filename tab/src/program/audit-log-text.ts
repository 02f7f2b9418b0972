import type { AuditEntryView } from '../../../src/contracts/audit.js';
import { rolesText } from '../shell/role-labels.js';

/** The spans the audit log offers: a month, a quarter, a year. */
export const auditWeekChoices = [4, 13, 52] as const;
export type AuditWeekChoice = (typeof auditWeekChoices)[number];
export const defaultAuditWeeks: AuditWeekChoice = 4;

export function isAuditWeekChoice(value: unknown): value is AuditWeekChoice {
  return auditWeekChoices.some((choice) => String(choice) === String(value));
}

export function auditPath(weeks: number, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ weeks: String(weeks) });
  if (format === 'csv') params.set('format', 'csv');
  return `/api/audit?${params.toString()}`;
}

/**
 * The routes that change something, as the server records them (`METHOD /api/path/:id`), in words.
 * A route added later shows as recorded until it is named here.
 */
const actionDescriptions: ReadonlyMap<string, string> = new Map([
  ['POST /api/api-keys', 'Created an API key'],
  ['DELETE /api/api-keys/:id', 'Revoked an API key'],
  ['PUT /api/curriculum/schedule', 'Changed when lessons go out'],
  ['POST /api/deliveries/:id/retry', 'Retried a failed delivery'],
  ['POST /api/flags', 'Flagged an AI output'],
  ['POST /api/flags/:id/review', 'Started reviewing a flag'],
  ['POST /api/flags/:id/assign', 'Assigned a flag to a reviewer'],
  ['POST /api/flags/:id/resolution', 'Resolved a flag'],
  ['POST /api/improvements', 'Suggested an improvement'],
  ['POST /api/improvements/:id/status', 'Changed an improvement’s status'],
  ['POST /api/integrations/copilot-report/import', 'Imported the Copilot usage report'],
  ['POST /api/lessons', 'Added a lesson'],
  ['PUT /api/lessons/:id', 'Edited a lesson'],
  ['DELETE /api/lessons/:id', 'Deleted a lesson'],
  ['POST /api/lessons/:id/answer', 'Answered a lesson’s check'],
  ['PUT /api/me/learning', 'Changed their own learning set-up'],
  ['PUT /api/program/settings', 'Changed the program settings'],
  ['POST /api/prompts', 'Added a prompt'],
  ['POST /api/prompts/import', 'Imported prompts'],
  ['PUT /api/prompts/:id', 'Edited a prompt'],
  ['POST /api/prompts/:id/status', 'Changed a prompt’s status'],
  ['POST /api/prompts/:id/ratings', 'Rated a prompt'],
  ['POST /api/prompts/:id/render', 'Filled in a prompt'],
  ['POST /api/pulse', 'Answered the weekly pulse'],
  ['POST /api/roster/import', 'Imported the roster'],
  ['POST /api/scoreboard/nudges', 'Nudged a department'],
  ['POST /api/usage-events', 'Reported AI usage'],
  ['POST /api/usage-events/import', 'Imported a usage CSV'],
  ['POST /api/workflows', 'Mapped a workflow'],
  ['PUT /api/workflows/:id', 'Edited a workflow'],
  ['DELETE /api/workflows/:id', 'Deleted a workflow'],
]);

/** What a change did, in words: "Changed an improvement’s status"; the route itself if unknown. */
export function actionText(action: string): string {
  return actionDescriptions.get(action) ?? action;
}

const signInTexts: Readonly<Record<AuditEntryView['via'], string>> = {
  token: 'Teams SSO',
  dev: 'Dev sign-in',
  apiKey: 'API key',
};

/** How the actor signed in: Teams SSO, the dev user picker (never in production), an API key. */
export function signInText(via: AuditEntryView['via']): string {
  return signInTexts[via];
}

/** Who made the change: their name when the trail has it, else their id. */
export function actorText(entry: Pick<AuditEntryView, 'actorId' | 'actorName'>): string {
  return entry.actorName ?? entry.actorId;
}

/**
 * The actor's roles, "AI champion, Admin"; none for an API key, whose stand-in caller holds a
 * member role that says nothing about who owns the key.
 */
export function actorRolesText(
  entry: Pick<AuditEntryView, 'actorRoles' | 'via'>,
): string | undefined {
  if (entry.via === 'apiKey' || entry.actorRoles.length === 0) return undefined;
  return rolesText(entry.actorRoles);
}

/** The weeks a page covers, oldest to newest: "2026-W10 to 2026-W13", or one week alone. */
export function weekSpanText(weeks: readonly string[]): string {
  const sorted = [...weeks].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return 'no weeks';
  return first === last ? first : `${first} to ${last}`;
}
