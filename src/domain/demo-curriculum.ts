import { analysisLessons } from './demo-curriculum/lessons-analysis.js';
import { clientManagementLessons } from './demo-curriculum/lessons-client-management.js';
import { consultingLessons } from './demo-curriculum/lessons-consulting.js';
import { operationsLessons } from './demo-curriculum/lessons-operations.js';
import type { DemoLesson } from './demo-curriculum/types.js';

export type { DemoLesson } from './demo-curriculum/types.js';

/**
 * The demo firm's 8-week curriculum: one micro-lesson a week for each of the four job families,
 * each built on a mapped workflow task and a published library prompt. The weeks follow the same
 * arc in every family (brief, verify, protect data, refine, templates, bias and tone, chain steps,
 * teach and contribute) so that teams in different families can compare notes in practice sessions.
 */
export const demoCurriculum: readonly DemoLesson[] = [
  ...consultingLessons,
  ...analysisLessons,
  ...clientManagementLessons,
  ...operationsLessons,
];
