import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { ZodError } from 'zod';
import type { Problem } from '../contracts/problem.js';
import { AppError, type ErrorKind, type FieldError } from '../domain/errors.js';
import { toHttpEtag } from './etag.js';

const statusOfKind: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  throttled: 429,
  unavailable: 503,
};

const titleOfStatus: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

interface ProblemLogger {
  error(object: object, message: string): void;
}

export function sendProblem(
  res: Response,
  status: number,
  detail?: string,
  errors?: readonly FieldError[],
  current?: unknown,
): void {
  const problem: Problem = {
    type: 'about:blank',
    title: titleOfStatus[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined || errors.length === 0 ? {} : { errors: [...errors] }),
    ...(current === undefined ? {} : { current }),
  };
  res.status(status).type('application/problem+json').json(problem);
}

/** A zod failure as the app's `invalid` error, naming each field at fault. */
export function invalidFromZod(error: ZodError, where: string): AppError {
  const fieldOf = (path: readonly PropertyKey[]): string =>
    path.length === 0 ? where : path.map(String).join('.');
  return new AppError('invalid', `The ${where} is not valid`, {
    // An unknown key is the field at fault, not the object that holds it.
    fieldErrors: error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            field: fieldOf([...issue.path, key]),
            message: 'is not allowed',
          }))
        : [{ field: fieldOf(issue.path), message: issue.message }],
    ),
  });
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, `No route for ${req.method} ${req.path}`);
};

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
}

/**
 * The one place errors become HTTP responses: `AppError` kinds map to statuses; body-parser failures
 * keep their 4xx; anything else is a 500 whose details stay in the log, never in the response.
 */
export function errorHandler(logger: ProblemLogger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AppError) {
      const status = statusOfKind[error.kind];
      if (error.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      if (status >= 500) logger.error({ err: error }, 'request failed');
      if (error.current !== undefined) res.setHeader('ETag', toHttpEtag(error.current.etag));
      sendProblem(res, status, error.message, error.fieldErrors, error.current?.value);
      return;
    }
    const parserError = error as BodyParserError;
    if (
      typeof parserError.status === 'number' &&
      parserError.status >= 400 &&
      parserError.status < 500
    ) {
      const detail =
        parserError.type === 'entity.parse.failed'
          ? 'The body is not valid JSON'
          : parserError.type === 'entity.too.large'
            ? 'The body is too large'
            : parserError.type === 'encoding.unsupported' ||
                parserError.type === 'charset.unsupported'
              ? 'The body encoding is not supported'
              : 'The request could not be read';
      sendProblem(res, parserError.status, detail);
      return;
    }
    logger.error({ err: error }, 'unexpected error');
    sendProblem(res, 500, 'Something went wrong on our side');
  };
}
