import type { z } from 'zod';
import { problemSchema, type Problem } from '../../../src/contracts/problem.js';
import { ApiError } from './api-error.js';

/** Supplies the headers that say who is calling: a Teams SSO token, or the dev identity headers. */
export type HeaderSource = () => Promise<Readonly<Record<string, string>>>;

export interface ApiClient {
  /** GETs a path and returns the body parsed by the schema; throws ApiError otherwise. */
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
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

async function problemFrom(response: Response): Promise<Problem> {
  const parsed = problemSchema.safeParse(await readJson(response));
  if (parsed.success) return parsed.data;
  const title = `The request failed with status ${response.status}`;
  return problem(response.status, title, response.statusText || undefined);
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

  return {
    async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
      const headers = { Accept: 'application/json', ...(await authHeaders()) };
      let response: Response;
      try {
        response = await fetchFn(path, { headers });
      } catch (error) {
        const detail = error instanceof Error ? error.message : undefined;
        throw new ApiError(problem(0, 'Lastmile could not be reached', detail));
      }
      if (!response.ok) throw new ApiError(await problemFrom(response));
      const parsed = schema.safeParse(await readJson(response));
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
      return parsed.data;
    },
  };
}
