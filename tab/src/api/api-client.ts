import type { z } from 'zod';
import { problemSchema, type Problem } from '../../../src/contracts/problem.js';
import { ApiError, StaleEditError } from './api-error.js';

/** Supplies the headers that say who is calling: a Teams SSO token, or the dev identity headers. */
export type HeaderSource = () => Promise<Readonly<Record<string, string>>>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SendOptions {
  /** The `ETag` header value of the version the edit starts from. */
  readonly ifMatch?: string | undefined;
  /** `*` creates a document only if none exists yet (a first save of a singleton). */
  readonly ifNoneMatch?: '*' | undefined;
}

/** A file the server answered with, and the name its `Content-Disposition` header gives it. */
export interface Downloaded {
  readonly blob: Blob;
  readonly fileName: string | undefined;
}

/** A parsed answer with its `ETag` header, which the next edit of the same document sends back. */
export interface Sent<T> {
  readonly value: T;
  readonly etag: string | undefined;
}

export interface ApiClient {
  /** GETs a path and returns the body parsed by the schema; throws ApiError otherwise. */
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /**
   * Sends a request with an optional JSON body and returns the parsed answer and its ETag. A 412
   * throws `StaleEditError` carrying the latest version (parsed with the same schema) and its ETag.
   */
  send<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options?: SendOptions,
  ): Promise<Sent<T>>;
  /** GETs a file (a CSV or JSON export) with the same identity headers; throws ApiError on failure. */
  download(path: string): Promise<Downloaded>;
}

export interface ApiClientOptions {
  readonly headers: HeaderSource;
  /** Injected so unit tests can answer requests without a server. */
  readonly fetch?: typeof fetch;
}

function problem(status: number, title: string, detail?: string): Problem {
  return detail === undefined
    ? { type: 'about:blank', title, status }
    : { type: 'about:blank', title, status, detail };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function problemFrom(response: Response, body: unknown): Problem {
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const title = `The request failed with status ${response.status}`;
  return problem(response.status, title, response.statusText || undefined);
}

function currentOf<T>(body: unknown, schema: z.ZodType<T>): T | undefined {
  if (typeof body !== 'object' || body === null || !('current' in body)) return undefined;
  const parsed = schema.safeParse(body.current);
  return parsed.success ? parsed.data : undefined;
}

/** The file name in a `Content-Disposition` header: the RFC 5987 form first, then the plain one. */
export function fileNameOf(contentDisposition: string | null): string | undefined {
  if (!contentDisposition) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/iu.exec(contentDisposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoded name falls back to the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/iu.exec(contentDisposition)?.[1]?.trim();
  return plain === '' ? undefined : plain;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function authHeaders(): Promise<Readonly<Record<string, string>>> {
    try {
      return await options.headers();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError(problem(401, 'We could not sign you in', detail));
    }
  }

  async function send<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    sendOptions: SendOptions = {},
  ): Promise<Sent<T>> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(await authHeaders()),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (sendOptions.ifMatch !== undefined) headers['If-Match'] = sendOptions.ifMatch;
    if (sendOptions.ifNoneMatch !== undefined) headers['If-None-Match'] = sendOptions.ifNoneMatch;
    let response: Response;
    try {
      response = await fetchFn(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : undefined;
      throw new ApiError(problem(0, 'Lastmile could not be reached', detail));
    }
    const etag = response.headers.get('etag') ?? undefined;
    const answer = await readJson(response);
    if (response.status === 412) {
      throw new StaleEditError(problemFrom(response, answer), currentOf(answer, schema), etag);
    }
    if (!response.ok) throw new ApiError(problemFrom(response, answer));
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'body';
      throw new ApiError(
        problem(
          response.status,
          'Lastmile sent an answer the tab does not understand',
          `${path}: ${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
        ),
      );
    }
    return { value: parsed.data, etag };
  }

  async function download(path: string): Promise<Downloaded> {
    const headers = { Accept: 'text/csv, application/json, */*', ...(await authHeaders()) };
    let response: Response;
    try {
      response = await fetchFn(path, { method: 'GET', headers });
    } catch (error) {
      const detail = error instanceof Error ? error.message : undefined;
      throw new ApiError(problem(0, 'Lastmile could not be reached', detail));
    }
    if (!response.ok) throw new ApiError(problemFrom(response, await readJson(response)));
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition')),
    };
  }

  return {
    async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
      return (await send('GET', path, undefined, schema)).value;
    },
    send,
    download,
  };
}
