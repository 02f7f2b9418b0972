/**
 * Load for the fault and crash tests: usage batches for a quiet week of the demo roster, and an
 * HTTP client that retries the way a real one does (bounded, honouring Retry-After) while checking
 * every failure it is answered with.
 */
import type { IsoWeek } from '../../src/contracts/activity.js';
import type { Person } from '../../src/contracts/people.js';
import { addWeeks, isoWeekOf, weekStart } from '../../src/domain/iso-week.js';

export interface UsageEventBody {
  readonly id: string;
  readonly userId: string;
  readonly occurredAt: string;
  readonly source: string;
}

/**
 * A week the demo program never touched (it covers the last eight), inside the two years the
 * ingest accepts: every usage event in it is one of the test's.
 */
export function quietWeek(now: Date, weeksBack = 20): IsoWeek {
  return addWeeks(isoWeekOf(now), -weeksBack);
}

/** `size` events with ids `<prefix>-<n>`, by people drawn from `people`, at times within `week`. */
export function usageBatch(options: {
  readonly prefix: string;
  readonly size: number;
  readonly people: readonly Pick<Person, 'id'>[];
  readonly week: IsoWeek;
  readonly random: () => number;
}): UsageEventBody[] {
  const start = weekStart(options.week).getTime();
  return Array.from({ length: options.size }, (_, index) => {
    const person = options.people[Math.floor(options.random() * options.people.length)];
    if (person === undefined) throw new Error('usageBatch needs people');
    return {
      id: `${options.prefix}-${String(index)}`,
      userId: person.id,
      occurredAt: new Date(start + Math.floor(options.random() * 6 * 86_400_000)).toISOString(),
      source: 'api',
    };
  });
}

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly text: string;
}

export interface Sent {
  /** The last answer; undefined when every attempt failed on the network. */
  readonly answer: Answer | undefined;
  readonly attempts: number;
  readonly acknowledged: boolean;
}

export interface ClientFigures {
  requests: number;
  retries: number;
  networkErrors: number;
  /** Answers by status, e.g. `{ "202": 130, "503": 12 }`. */
  readonly statuses: Record<string, number>;
  /** 503s that said when to retry. */
  unavailableWithRetryAfter: number;
  /** Every answer that broke the promise: a 503 or 429 problem+json, no 500, no stack trace. */
  readonly badAnswers: string[];
}

const stackTracePattern = /\bat [^\n]*\(?[^\n]*:\d+:\d+\)?|node_modules|\bError:|\.ts:\d+/;

/** What is wrong with a failure answer, if anything. */
export function faultAnswerProblem(answer: Answer): string | undefined {
  if (answer.status !== 429 && answer.status !== 503) return `status ${String(answer.status)}`;
  if (!answer.contentType.startsWith('application/problem+json')) {
    return `${String(answer.status)} as ${answer.contentType}`;
  }
  if (stackTracePattern.test(answer.text)) return `${String(answer.status)} with a stack trace`;
  if (answer.status === 429 && answer.retryAfter === null) return '429 without Retry-After';
  return undefined;
}

export interface RetryingClient {
  readonly figures: ClientFigures;
  /** Sends until a 2xx, retrying 429, 5xx and network failures up to `maxAttempts` in all. */
  send(path: string, init: { method: string; body?: unknown }): Promise<Sent>;
}

export function retryingClient(
  baseUrl: string,
  options: {
    readonly maxAttempts: number;
    /** The longest it waits between attempts, whatever Retry-After says. */
    readonly maxWaitMs: number;
    readonly random: () => number;
    readonly headers?: Record<string, string>;
    readonly timeoutMs?: number;
  },
): RetryingClient {
  const figures: ClientFigures = {
    requests: 0,
    retries: 0,
    networkErrors: 0,
    statuses: {},
    unavailableWithRetryAfter: 0,
    badAnswers: [],
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function attempt(path: string, init: { method: string; body?: unknown }) {
    figures.requests += 1;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method,
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      const answer: Answer = {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        text: await response.text(),
      };
      figures.statuses[String(answer.status)] = (figures.statuses[String(answer.status)] ?? 0) + 1;
      return answer;
    } catch {
      figures.networkErrors += 1;
      return undefined;
    }
  }

  return {
    figures,
    async send(path, init) {
      let answer: Answer | undefined;
      for (let attempts = 1; attempts <= options.maxAttempts; attempts += 1) {
        answer = await attempt(path, init);
        if (answer !== undefined && answer.status >= 200 && answer.status < 300) {
          return { answer, attempts, acknowledged: true };
        }
        if (answer !== undefined) {
          const problem = faultAnswerProblem(answer);
          if (problem !== undefined) {
            figures.badAnswers.push(
              `${init.method} ${path}: ${problem}: ${answer.text.slice(0, 300)}`,
            );
          }
          if (answer.status === 503 && answer.retryAfter !== null) {
            figures.unavailableWithRetryAfter += 1;
          }
          if (answer.status !== 429 && answer.status < 500) {
            return { answer, attempts, acknowledged: false };
          }
        }
        if (attempts === options.maxAttempts) return { answer, attempts, acknowledged: false };
        figures.retries += 1;
        const retryAfterMs = Number(answer?.retryAfter ?? Number.NaN) * 1000;
        const backoffMs = 50 * 2 ** attempts * (0.5 + options.random());
        await wait(
          Math.min(options.maxWaitMs, Number.isFinite(retryAfterMs) ? retryAfterMs : backoffMs),
        );
      }
      return { answer, attempts: options.maxAttempts, acknowledged: false };
    },
  };
}
