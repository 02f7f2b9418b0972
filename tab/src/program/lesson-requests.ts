import {
  lessonViewSchema,
  type LessonContent,
  type LessonStatus,
  type LessonView,
} from '../../../src/contracts/lessons.js';
import { versionedRequests } from '../common/versioned-requests.js';

/** `GET /api/lessons`, narrowed to one job family and, optionally, one status. */
export function lessonsPath(jobFamilyId: string, status?: LessonStatus): string {
  const params = new URLSearchParams({ jobFamilyId });
  if (status !== undefined) params.set('status', status);
  return `/api/lessons?${params.toString()}`;
}

export const lessonRequests = versionedRequests<LessonView, LessonContent>(
  '/api/lessons',
  lessonViewSchema,
);

export const {
  path: lessonPath,
  fetchOne: fetchLesson,
  create: createLesson,
  update: updateLesson,
  remove: deleteLesson,
} = lessonRequests;
