import { describe, expect, it } from 'vitest';
import { createLessonRequestSchema, programWeeks } from '../contracts/lessons.js';
import { demoCurriculum } from './demo-curriculum.js';
import { demoPrompts, demoWorkflowTasks } from './demo-library.js';
import { buildDemoTenant } from './demo-tenant.js';

const tenant = buildDemoTenant(new Date('2026-11-26T00:00:00Z'));
const jobFamilyIds = tenant.jobFamilies.map((family) => family.id);
const tasksById = new Map(demoWorkflowTasks.map((task) => [task.id, task]));
const promptsById = new Map(demoPrompts.map((prompt) => [prompt.id, prompt]));
const slug = /^[a-z0-9][a-z0-9-]*$/;
const weeks = Array.from({ length: programWeeks }, (_, index) => index + 1);

describe('demoCurriculum', () => {
  it('should parse every lesson with the create-lesson request schema, unchanged', () => {
    for (const { id, ...content } of demoCurriculum) {
      const parsed = createLessonRequestSchema.safeParse(content);
      expect(parsed.error?.issues, id).toBeUndefined();
      expect(parsed.data, id).toEqual(content);
    }
  });

  it('should give every lesson a unique lowercase dashed id of at most 64 characters', () => {
    expect(new Set(demoCurriculum.map((lesson) => lesson.id)).size).toBe(demoCurriculum.length);
    for (const lesson of demoCurriculum) {
      expect(lesson.id).toMatch(slug);
      expect(lesson.id.length).toBeLessThanOrEqual(64);
      expect(
        lesson.id.startsWith(`${lesson.jobFamilyId}-w${String(lesson.week)}-`),
        lesson.id,
      ).toBe(true);
    }
  });

  it('should publish one lesson a week for weeks 1 to 8 in each job family of the demo tenant', () => {
    expect(new Set(demoCurriculum.map((lesson) => lesson.jobFamilyId))).toEqual(
      new Set(jobFamilyIds),
    );
    for (const family of jobFamilyIds) {
      const lessons = demoCurriculum.filter((lesson) => lesson.jobFamilyId === family);
      expect(
        lessons.map((lesson) => lesson.week).sort((a, b) => a - b),
        family,
      ).toEqual(weeks);
      for (const lesson of lessons) expect(lesson.status, lesson.id).toBe('published');
    }
  });

  it('should keep every lesson within five minutes', () => {
    for (const lesson of demoCurriculum) expect(lesson.minutes, lesson.id).toBeLessThanOrEqual(5);
  });

  it('should link every lesson to a mapped task of its own job family', () => {
    for (const lesson of demoCurriculum) {
      const task = lesson.taskId === undefined ? undefined : tasksById.get(lesson.taskId);
      expect(task, lesson.id).toBeDefined();
      expect(task?.jobFamilyIds, lesson.id).toContain(lesson.jobFamilyId);
    }
  });

  it('should link every lesson to a published prompt for its family and its task', () => {
    for (const lesson of demoCurriculum) {
      const prompt = lesson.promptId === undefined ? undefined : promptsById.get(lesson.promptId);
      expect(prompt, lesson.id).toBeDefined();
      expect(prompt?.status, lesson.id).toBe('published');
      expect(prompt?.jobFamilyIds, lesson.id).toContain(lesson.jobFamilyId);
      expect(prompt?.taskIds, lesson.id).toContain(lesson.taskId);
    }
  });

  it('should name the linked prompt by its library title so people can find it', () => {
    for (const lesson of demoCurriculum) {
      const title = lesson.promptId === undefined ? '' : promptsById.get(lesson.promptId)?.title;
      expect(`${lesson.scenario} ${lesson.tryIt}`, lesson.id).toContain(`'${title ?? ''}'`);
    }
  });

  it('should draw each family from at least four different tasks', () => {
    for (const family of jobFamilyIds) {
      const tasks = new Set(
        demoCurriculum
          .filter((lesson) => lesson.jobFamilyId === family)
          .map((lesson) => lesson.taskId),
      );
      expect(tasks.size, family).toBeGreaterThanOrEqual(4);
    }
  });

  it('should ask each check question with 3 or 4 options, exactly one of them correct', () => {
    for (const lesson of demoCurriculum) {
      const { options } = lesson.check;
      expect(options.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(options.length, lesson.id).toBeLessThanOrEqual(4);
      expect(
        options.filter((option) => option.correct),
        lesson.id,
      ).toHaveLength(1);
      expect(
        options.map((option) => option.id),
        lesson.id,
      ).toEqual(['a', 'b', 'c', 'd'].slice(0, options.length));
    }
  });

  it('should explain every option with its own feedback, not a bare verdict', () => {
    for (const lesson of demoCurriculum) {
      const feedback = lesson.check.options.map((option) => option.feedback);
      expect(new Set(feedback).size, lesson.id).toBe(feedback.length);
      for (const text of feedback) expect(text.length, lesson.id).toBeGreaterThanOrEqual(80);
    }
  });

  it('should not put the correct answer in the same place in every lesson of a family', () => {
    for (const family of jobFamilyIds) {
      const positions = new Set(
        demoCurriculum
          .filter((lesson) => lesson.jobFamilyId === family)
          .map((lesson) => lesson.check.options.findIndex((option) => option.correct)),
      );
      expect(positions.size, family).toBeGreaterThanOrEqual(3);
    }
  });
});
