import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import {
  createPromptRequestSchema,
  type ImportReport,
  type Prompt,
  promptContentSchema,
  promptListQuerySchema,
  promptStatusRequestSchema,
  promptStatusSchema,
  rateRequestSchema,
  renderRequestSchema,
  updatePromptRequestSchema,
} from '../contracts/prompts.js';
import { CsvError, parseCsv, toCsv } from '../domain/csv.js';
import { AppError } from '../domain/errors.js';
import { withDeclaredPlaceholders } from '../domain/prompt-template.js';
import type { PromptService } from '../services/prompt-service.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { requestCaller } from './identity-middleware.js';
import { jsonBodyOr, parseRequest } from './parse.js';

const idSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'is not a prompt id');
const versionParamSchema = z.coerce.number().int().min(1).max(100_000);
const csvColumns = [
  'id',
  'title',
  'body',
  'status',
  'jobFamilyIds',
  'taskIds',
  'tags',
  'variables',
  'ownerId',
  'usageCount',
  'ratingUp',
  'ratingDown',
] as const;
const importRowSchema = promptContentSchema.extend({
  status: promptStatusSchema.default('published'),
});
const jsonImportSchema = z.object({ prompts: z.array(z.unknown()).max(1000) }).strict();

function promptId(req: Request): string {
  return parseRequest(idSchema, req.params['id'], 'id');
}

function list(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A CSV cell exported with a leading apostrophe (formula defence) reads back without it. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function csvRowsToObjects(text: string): unknown[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { maxRows: 1001 });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError(
        'invalid',
        `The CSV is not valid at line ${String(error.line)}: ${error.message}`,
      );
    }
    throw error;
  }
  const [header, ...body] = rows;
  if (header === undefined) throw new AppError('invalid', 'The CSV is empty');
  const at = (name: string): number => header.map((cell) => cell.trim()).indexOf(name);
  for (const required of ['title', 'body']) {
    if (at(required) < 0) throw new AppError('invalid', `The CSV needs a ${required} column`);
  }
  return body.map((cells) => {
    const cell = (name: string): string => {
      const index = at(name);
      return index < 0 ? '' : unguard(cells[index] ?? '');
    };
    let variables: unknown = [];
    if (cell('variables').trim() !== '') {
      try {
        variables = JSON.parse(cell('variables'));
      } catch {
        variables = 'not JSON';
      }
    }
    return {
      title: cell('title'),
      body: cell('body'),
      ...(cell('status') === '' ? {} : { status: cell('status') }),
      jobFamilyIds: list(cell('jobFamilyIds')),
      taskIds: list(cell('taskIds')),
      tags: list(cell('tags')),
      variables,
    };
  });
}

function exportCsv(prompts: readonly Prompt[]): string {
  return toCsv(
    csvColumns,
    prompts.map((prompt) => [
      prompt.id,
      prompt.title,
      prompt.body,
      prompt.status,
      prompt.jobFamilyIds.join(';'),
      prompt.taskIds.join(';'),
      prompt.tags.join(';'),
      JSON.stringify(prompt.variables),
      prompt.ownerId,
      String(prompt.usageCount),
      String(prompt.ratingUp),
      String(prompt.ratingDown),
    ]),
  );
}

function sendWithEtag(res: Response, status: number, view: { etag: string }): void {
  res.setHeader('ETag', toHttpEtag(view.etag));
  res.status(status).json(view);
}

/** Paths whose bodies may be large (see `bulkRoutes` in createHttpApp). */
export const promptBulkRoutes = ['/prompts/import'] as const;

/** The prompt library's REST API (docs in notes and DESIGN.md's contract). Thin: parse, call, map. */
export function promptsRouter(prompts: PromptService, now: () => Date): Router {
  const router = Router();

  router.get('/prompts', async (req, res) => {
    const query = parseRequest(promptListQuerySchema, req.query, 'query');
    res.json(await prompts.list(requestCaller(res), query));
  });

  router.get('/prompts/review-queue', async (_req, res) => {
    res.json(await prompts.reviewQueue(requestCaller(res)));
  });

  router.get('/prompts/export', async (req, res) => {
    const format = parseRequest(
      z.enum(['json', 'csv']).default('json'),
      req.query['format'],
      'format',
    );
    const all = await prompts.exportAll(requestCaller(res));
    const stamp = now().toISOString().slice(0, 10);
    res.attachment(`lastmile-prompts-${stamp}.${format}`);
    if (format === 'csv') {
      res.type('text/csv').send(exportCsv(all));
    } else {
      res.json({ prompts: all.map(({ tenantId: _tenant, type: _type, ...prompt }) => prompt) });
    }
  });

  router.post('/prompts/import', async (req, res) => {
    const rawRows =
      typeof req.body === 'string'
        ? csvRowsToObjects(req.body)
        : parseRequest(jsonImportSchema, req.body, 'body').prompts;
    const errors: ImportReport['rejected'] = [];
    const rows = rawRows.flatMap((raw, index) => {
      const candidate =
        typeof raw === 'object' &&
        raw !== null &&
        typeof (raw as { body?: unknown }).body === 'string'
          ? { ...raw, variables: (raw as { variables?: unknown }).variables ?? [] }
          : raw;
      const result = importRowSchema.safeParse(candidate);
      if (!result.success) {
        for (const issue of result.error.issues) {
          errors.push({
            row: index + 1,
            field: issue.path.join('.') || 'row',
            message: issue.message,
          });
        }
        return [];
      }
      const { status, ...content } = result.data;
      const variables =
        content.variables.length === 0
          ? withDeclaredPlaceholders(content.body, [])
          : content.variables;
      return [{ row: index + 1, content: { ...content, variables }, status }];
    });
    if (errors.length > 0) {
      throw new AppError('invalid', 'Some rows are not valid; nothing was imported', {
        fieldErrors: errors.map((error) => ({
          field: `rows[${String(error.row)}].${error.field}`,
          message: error.message,
        })),
      });
    }
    const { imported } = await prompts.importPrompts(requestCaller(res), rows);
    const report: ImportReport = { imported, rejected: [] };
    res.status(201).json(report);
  });

  router.post('/prompts', async (req, res) => {
    const request = parseRequest(createPromptRequestSchema, req.body, 'body');
    sendWithEtag(res, 201, await prompts.create(requestCaller(res), request));
  });

  router.get('/prompts/:id', async (req, res) => {
    sendWithEtag(res, 200, await prompts.get(requestCaller(res), promptId(req)));
  });

  router.put('/prompts/:id', async (req, res) => {
    const id = promptId(req);
    const etag = requireIfMatch(req);
    const request = parseRequest(updatePromptRequestSchema, req.body, 'body');
    sendWithEtag(res, 200, await prompts.update(requestCaller(res), id, request, etag));
  });

  router.post('/prompts/:id/status', async (req, res) => {
    const id = promptId(req);
    const etag = requireIfMatch(req);
    const request = parseRequest(promptStatusRequestSchema, req.body, 'body');
    sendWithEtag(
      res,
      200,
      await prompts.setStatus(requestCaller(res), id, request.status, etag, request.note),
    );
  });

  router.get('/prompts/:id/versions', async (req, res) => {
    res.json(await prompts.history(requestCaller(res), promptId(req)));
  });

  router.get('/prompts/:id/diff', async (req, res) => {
    const from = parseRequest(versionParamSchema, req.query['from'], 'from');
    const to = parseRequest(versionParamSchema, req.query['to'], 'to');
    res.json(await prompts.diff(requestCaller(res), promptId(req), from, to));
  });

  router.post('/prompts/:id/ratings', async (req, res) => {
    const id = promptId(req);
    const request = parseRequest(rateRequestSchema, req.body, 'body');
    sendWithEtag(
      res,
      200,
      await prompts.rate(requestCaller(res), id, request.value, request.reason),
    );
  });

  router.post('/prompts/:id/render', async (req, res) => {
    const id = promptId(req);
    const caller = requestCaller(res);
    const request = parseRequest(renderRequestSchema, jsonBodyOr(req, {}), 'body');
    const rendered = await prompts.render(caller, id, request.values);
    if (request.record && rendered.missing.length === 0) {
      // A copy counts as one use per person, prompt and day, however often it is copied.
      const moment = now();
      const day = moment.toISOString().slice(0, 10);
      await prompts.recordUse(caller, id, {
        eventId: `copy:${caller.identity.userId}:${day}`,
        occurredAt: moment,
        kind: 'copy',
      });
    }
    res.json(rendered);
  });

  return router;
}
