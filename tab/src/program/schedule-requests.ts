import {
  curriculumScheduleUpdateSchema,
  curriculumScheduleViewSchema,
  type CurriculumScheduleUpdate,
  type CurriculumScheduleView,
} from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

export const schedulePath = '/api/curriculum/schedule';

export async function fetchSchedule(client: ApiClient): Promise<Versioned<CurriculumScheduleView>> {
  return client.send('GET', schedulePath, undefined, curriculumScheduleViewSchema);
}

export type ScheduleCheck =
  | { readonly ok: true; readonly update: CurriculumScheduleUpdate }
  | { readonly ok: false; readonly errors: FieldErrors };

export function checkSchedule(draft: CurriculumScheduleUpdate): ScheduleCheck {
  const parsed = curriculumScheduleUpdateSchema.safeParse(draft);
  if (parsed.success) return { ok: true, update: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    errors[issue.path.map(String).join('.')] ??= fieldMessage(issue);
  return { ok: false, errors };
}

/** What the form edits: the stored schedule's fields, without its version details. */
export function scheduleFields(view: CurriculumScheduleView): CurriculumScheduleUpdate {
  const { lessonDay, lessonTime, timeZone, deliverWeekly } = view;
  return { lessonDay, lessonTime, timeZone, deliverWeekly };
}

/**
 * Saves the schedule from the version it was read at. Until a champion first saves it, the tenant
 * runs on the defaults and the view has no version: `If-None-Match: *` then makes a second first
 * save fail instead of overwriting the other. (The answer to a GET of the defaults may still carry
 * an ETag header, which Express derives from the body; it names no stored version.)
 */
export async function saveSchedule(
  client: ApiClient,
  base: Versioned<CurriculumScheduleView>,
  update: CurriculumScheduleUpdate,
): Promise<Versioned<CurriculumScheduleView>> {
  const stored = base.value.etag !== undefined;
  return client.send(
    'PUT',
    schedulePath,
    update,
    curriculumScheduleViewSchema,
    stored ? { ifMatch: base.etag } : { ifNoneMatch: '*' },
  );
}
