import { type Request, Router } from 'express';
import { z } from 'zod';
import {
  createLessonRequestSchema,
  curriculumScheduleUpdateSchema,
  learnerSetupSchema,
  lessonAnswerSchema,
  lessonListQuerySchema,
  updateLessonRequestSchema,
} from '../contracts/lessons.js';
import type { CurriculumService } from '../services/curriculum-service.js';
import type { LearningService } from '../services/learning-service.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { callerOf, requestCaller, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'is not a lesson id');

function lessonId(req: Request): string {
  return parseRequest(idSchema, req.params['id'], 'id');
}

/**
 * The curriculum (`/lessons`, `/curriculum/schedule`: champions and admins edit, everyone reads
 * what is published) and a person's own learning (`/me/learning`, `/lessons/:id/answer`).
 */
export function lessonsRouter(curriculum: CurriculumService, learning: LearningService): Router {
  const router = Router();
  const editors = requireRole('champion', 'admin');

  router.get('/lessons', async (req, res) => {
    const query = parseRequest(lessonListQuerySchema, req.query, 'query');
    res.json({ items: await curriculum.list(callerOf(res), query) });
  });

  router.post('/lessons', editors, async (req, res) => {
    const content = parseRequest(createLessonRequestSchema, req.body, 'body');
    const view = await curriculum.create(callerOf(res), content);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.status(201).json(view);
  });

  router.get('/lessons/:id', async (req, res) => {
    const view = await curriculum.get(callerOf(res), lessonId(req));
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.put('/lessons/:id', editors, async (req, res) => {
    const id = lessonId(req);
    const etag = requireIfMatch(req);
    const content = parseRequest(updateLessonRequestSchema, req.body, 'body');
    const view = await curriculum.update(callerOf(res), id, content, etag);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.delete('/lessons/:id', editors, async (req, res) => {
    const id = lessonId(req);
    await curriculum.remove(callerOf(res), id, requireIfMatch(req));
    res.status(204).end();
  });

  router.post('/lessons/:id/answer', async (req, res) => {
    const id = lessonId(req);
    const answer = parseRequest(lessonAnswerSchema, req.body, 'body');
    const result = await learning.answer(requestCaller(res), id, answer);
    res.json({
      correct: result.correct,
      feedback: result.feedback,
      alreadyDone: result.alreadyDone,
    });
  });

  router.get('/curriculum/schedule', async (_req, res) => {
    const view = await curriculum.schedule(callerOf(res).tenantId);
    if (view.etag !== undefined) res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.put('/curriculum/schedule', editors, async (req, res) => {
    const creating = req.get('if-none-match')?.trim() === '*';
    const etag = creating ? undefined : requireIfMatch(req);
    const update = parseRequest(curriculumScheduleUpdateSchema, req.body, 'body');
    const view = await curriculum.saveSchedule(callerOf(res), update, etag);
    if (view.etag !== undefined) res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.get('/me/learning', async (_req, res) => {
    res.json(await learning.progress(requestCaller(res)));
  });

  router.put('/me/learning', async (req, res) => {
    const setup = parseRequest(learnerSetupSchema, req.body, 'body');
    const caller = requestCaller(res);
    await learning.saveSetup(caller, setup);
    res.json(await learning.progress(caller));
  });

  return router;
}
