/**
 * Failures that cross layers carry a `kind`; the HTTP layer maps kinds to status codes in one place
 * (`src/api/problem.ts`) and the bot maps them to a friendly reply.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'throttled'
  | 'unavailable';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly fieldErrors: readonly FieldError[];
  /** Seconds the caller should wait before retrying, for `throttled`. */
  readonly retryAfterSeconds: number | undefined;
  /** What the caller should see instead, e.g. the latest version after a lost edit race. */
  readonly current: { readonly value: unknown; readonly etag: string } | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    options: {
      fieldErrors?: readonly FieldError[];
      retryAfterSeconds?: number;
      current?: { readonly value: unknown; readonly etag: string };
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.current = options.current;
  }
}

export function isAppError(error: unknown, kind?: ErrorKind): error is AppError {
  return error instanceof AppError && (kind === undefined || error.kind === kind);
}

export const notFound = (what: string): AppError =>
  new AppError('not-found', `${what} was not found`);
export const forbidden = (why: string): AppError => new AppError('forbidden', why);
export const invalid = (
  fieldErrors: readonly FieldError[],
  message = 'The request is not valid',
): AppError => new AppError('invalid', message, { fieldErrors });
