import { z } from 'zod';
import {
  lessonViewSchema,
  type LessonContent,
  type LessonStatus,
  type LessonView,
} from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';

/** `GET /api/lessons`, narrowed to one job family and, optionally, one status. */
export function lessonsPath(jobFamilyId: string, status?: LessonStatus): string {
  const params = new URLSearchParams({ jobFamilyId });
  if (status !== undefined) params.set('status', status);
  return `/api/lessons?${params.toString()}`;
}

export function lessonPath(lessonId: string): string {
  return `/api/lessons/${encodeURIComponent(lessonId)}`;
}

export async function fetchLesson(
  client: ApiClient,
  lessonId: string,
): Promise<Versioned<LessonView>> {
  return client.send('GET', lessonPath(lessonId), undefined, lessonViewSchema);
}

export async function createLesson(
  client: ApiClient,
  content: LessonContent,
): Promise<Versioned<LessonView>> {
  return client.send('POST', '/api/lessons', content, lessonViewSchema);
}

/** `PUT` guarded by the ETag of the version the edit started from; a 412 reaches the caller. */
export async function updateLesson(
  client: ApiClient,
  base: Versioned<LessonView>,
  content: LessonContent,
): Promise<Versioned<LessonView>> {
  return client.send('PUT', lessonPath(base.value.id), content, lessonViewSchema, {
    ifMatch: base.etag,
  });
}

// A 204 has no body.
const noContentSchema = z.undefined();

export async function deleteLesson(client: ApiClient, base: Versioned<LessonView>): Promise<void> {
  await client.send('DELETE', lessonPath(base.value.id), undefined, noContentSchema, {
    ifMatch: base.etag,
  });
}

/** Whether the latest version is still the one a person looked at (no one saved since). */
export function unchangedSince(seen: LessonView, latest: LessonView): boolean {
  return seen.updatedAt === latest.updatedAt && seen.updatedBy === latest.updatedBy;
}
