import type { LessonContent } from '../../contracts/lessons.js';

/** A lesson of the demo curriculum; the id is fixed so completions and deliveries can link to it. */
export interface DemoLesson extends LessonContent {
  readonly id: string;
}
