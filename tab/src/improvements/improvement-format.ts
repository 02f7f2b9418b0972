import type { ImprovementStatus } from '../../../src/contracts/feedback.js';
import type { Role } from '../../../src/contracts/identity.js';

export const improvementsPath = '/api/improvements';

export function improvementPath(id: string): string {
  return `${improvementsPath}/${encodeURIComponent(id)}`;
}

export const improvementStatusLabels: Readonly<Record<ImprovementStatus, string>> = {
  new: 'New',
  planned: 'Planned',
  done: 'Done',
  'pushed-to-vendor': 'Pushed to vendor',
  declined: 'Declined',
};

/** Champions and admins decide what becomes of a suggestion; everyone else suggests and reads. */
export function decidesImprovements(roles: readonly Role[]): boolean {
  return roles.includes('champion') || roles.includes('admin');
}

/** The day something happened, in the reader's time zone: "30 Nov 2026". */
export function formatDay(isoDateTime: string, locale?: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
