import { maxUsageEventsPerBatch } from '../contracts/adoption.js';
import type { CopilotImportReport, CopilotReportStatus } from '../contracts/usage-data.js';
import {
  copilotReportPeriod,
  type CopilotUsageEvent,
  copilotUsagePageSchema,
  eventsFromCopilotRows,
} from '../domain/copilot-report.js';
import { AppError } from '../domain/errors.js';
import type { UsageIngestPort } from './usage-ingest-port.js';

/** Where the import signs in and reads the report; without a client id and secret it cannot run. */
export interface GraphSettings {
  /** Microsoft Entra ID, e.g. `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** Microsoft Graph, e.g. `https://graph.microsoft.com`. */
  readonly baseUrl: string;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
}

export interface CopilotReportImportOptions {
  readonly settings: GraphSettings;
  readonly now: () => Date;
  readonly clock: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Pages followed through `@odata.nextLink` before giving up. */
  readonly maxPages?: number;
  /** Tries per request when Graph answers 429 or 503. */
  readonly maxAttempts?: number;
  /** The longest Retry-After the import waits out; a longer one fails the import as throttled. */
  readonly maxRetryAfterMs?: number;
  readonly requestTimeoutMs?: number;
}

const graphScope = 'https://graph.microsoft.com/.default';
const retryStatuses = new Set([429, 503]);
const maxExamples = 10;

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header.trim());
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The first line of an OAuth or Graph error, for the admin; never the whole body. */
function errorSummary(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const description = record['error_description'];
  if (typeof description === 'string') return description.split(/\r?\n/)[0]?.slice(0, 300);
  const error = record['error'];
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>)['message'];
    if (typeof message === 'string') return message.slice(0, 300);
  }
  return typeof error === 'string' ? error : undefined;
}

/**
 * Imports the Microsoft 365 Copilot usage report of a tenant from Microsoft Graph with the app's
 * own credentials (client credentials; the app needs the Reports.Read.All application permission
 * with admin consent): each user's last-activity date per Copilot app becomes a usage event, sent
 * to the ingest in batches. Importing the same report twice reports duplicates and changes nothing.
 */
export class CopilotReportImport {
  private readonly tokens = new Map<string, { token: string; expiresAtMs: number }>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxPages: number;
  private readonly maxAttempts: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly ports: { readonly usage: UsageIngestPort },
    private readonly options: CopilotReportImportOptions,
  ) {
    this.sleep = options.sleep ?? delay;
    this.maxPages = options.maxPages ?? 200;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  status(): CopilotReportStatus {
    const { clientId, clientSecret } = this.options.settings;
    return {
      configured: clientId !== undefined && clientSecret !== undefined,
      period: copilotReportPeriod,
    };
  }

  async import(tenantId: string): Promise<CopilotImportReport> {
    const { clientId, clientSecret } = this.options.settings;
    if (clientId === undefined || clientSecret === undefined) {
      throw new AppError(
        'unavailable',
        'The Microsoft 365 Copilot import is not set up: give the app a client secret in LASTMILE_GRAPH_CLIENT_SECRET (its client id is AAD_APP_CLIENT_ID, or BOT_ID) and grant it the Reports.Read.All application permission with admin consent.',
      );
    }
    const today = this.options.now().toISOString().slice(0, 10);
    const users = new Set<string>();
    const seen = new Set<string>();
    let pending: CopilotUsageEvent[] = [];
    const report: Omit<CopilotImportReport, 'users' | 'rejectedExamples'> & {
      rejectedExamples: { id: string; reason: string }[];
    } = {
      period: copilotReportPeriod,
      pages: 0,
      concealed: 0,
      events: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      rejectedExamples: [],
    };

    const flush = async (): Promise<void> => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      const result = await this.ports.usage.ingest(tenantId, batch);
      report.accepted += result.accepted;
      report.duplicates += result.duplicates;
      report.rejected += result.rejected.length;
      for (const rejection of result.rejected) {
        if (report.rejectedExamples.length >= maxExamples) break;
        report.rejectedExamples.push({
          id: batch[rejection.index]?.id ?? `#${String(rejection.index)}`,
          reason: rejection.reason,
        });
      }
    };

    const base = this.options.settings.baseUrl.replace(/\/+$/, '');
    let next: string | undefined =
      `${base}/v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='${copilotReportPeriod}')?$format=application/json`;
    while (next !== undefined) {
      if (report.pages >= this.maxPages) {
        throw new AppError(
          'unavailable',
          `The Copilot usage report has more than ${String(this.maxPages)} pages; nothing past them was imported`,
        );
      }
      const page = await this.fetchPage(tenantId, next);
      report.pages += 1;
      const outcome = eventsFromCopilotRows(page.value, today);
      report.concealed += outcome.concealed;
      for (const upn of outcome.users) users.add(upn);
      if (
        outcome.reportRefreshDate !== undefined &&
        (report.reportRefreshDate === undefined ||
          outcome.reportRefreshDate > report.reportRefreshDate)
      ) {
        report.reportRefreshDate = outcome.reportRefreshDate;
      }
      for (const event of outcome.events) {
        // A user listed on two pages would repeat their events; count each once.
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        report.events += 1;
        pending.push(event);
        if (pending.length >= maxUsageEventsPerBatch) await flush();
      }
      next = page['@odata.nextLink'];
      if (next !== undefined) this.checkSameOrigin(next, base);
    }
    await flush();

    const withUsers = { ...report, users: users.size };
    return report.concealed === 0
      ? withUsers
      : {
          ...withUsers,
          notice: `${String(report.concealed)} of ${String(report.concealed + users.size)} rows had concealed user names and were skipped. To import them, an admin turns off "Display concealed user, group, and site names in all reports" in the Microsoft 365 admin center (Settings, Org settings, Reports).`,
        };
  }

  /** The access token is sent only to the configured Graph origin, never to a link's host. */
  private checkSameOrigin(link: string, base: string): void {
    let origin: string;
    try {
      origin = new URL(link).origin;
    } catch {
      throw new AppError('unavailable', 'Microsoft Graph sent a next-page link that is not a URL');
    }
    if (origin !== new URL(base).origin) {
      throw new AppError(
        'unavailable',
        'Microsoft Graph sent a next-page link to another host; the import stopped',
      );
    }
  }

  private async fetchPage(
    tenantId: string,
    url: string,
  ): Promise<ReturnType<typeof copilotUsagePageSchema.parse>> {
    const token = await this.token(tenantId);
    const response = await this.send(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    const body = await readJson(response);
    if (response.status === 401 || response.status === 403) {
      // A token that stopped working should not be reused on the next try.
      this.tokens.delete(tenantId);
      throw new AppError(
        'unavailable',
        `Microsoft Graph refused to share the Copilot usage report (${String(response.status)}): the app needs the Reports.Read.All application permission with admin consent in this tenant${this.detail(body)}`,
      );
    }
    if (!response.ok) {
      throw new AppError(
        'unavailable',
        `Microsoft Graph answered ${String(response.status)} for the Copilot usage report${this.detail(body)}`,
      );
    }
    const parsed = copilotUsagePageSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError(
        'unavailable',
        'Microsoft Graph sent a Copilot usage report page without its "value" list',
      );
    }
    return parsed.data;
  }

  private async token(tenantId: string): Promise<string> {
    const cached = this.tokens.get(tenantId);
    if (cached !== undefined && cached.expiresAtMs > this.options.clock()) return cached.token;
    const { authorityHost, clientId, clientSecret } = this.options.settings;
    const url = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const response = await this.send(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId ?? '',
        client_secret: clientSecret ?? '',
        scope: graphScope,
      }).toString(),
    });
    const body = (await readJson(response)) as Record<string, unknown> | undefined;
    const accessToken = body?.['access_token'];
    if (!response.ok || typeof accessToken !== 'string' || accessToken === '') {
      throw new AppError(
        'unavailable',
        `Microsoft Entra ID did not give the app a token for tenant ${tenantId} (${String(response.status)})${this.detail(body)}`,
      );
    }
    const expiresIn = Number(body?.['expires_in']);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 300_000;
    // Renew a minute early so a long import never sends a token that expires on the way.
    this.tokens.set(tenantId, {
      token: accessToken,
      expiresAtMs: this.options.clock() + Math.max(0, lifetimeMs - 60_000),
    });
    return accessToken;
  }

  /** One HTTP request, tried again after the Retry-After of a 429 or 503, a bounded number of times. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        throw new AppError('unavailable', `${new URL(url).host} could not be reached`, {
          cause: error,
        });
      }
      if (!retryStatuses.has(response.status)) return response;
      await response.body?.cancel();
      const waitMs =
        retryAfterMs(response.headers.get('retry-after'), this.options.clock()) ??
        1000 * 2 ** (attempt - 1);
      if (attempt >= this.maxAttempts || waitMs > this.maxRetryAfterMs) {
        throw new AppError(
          'throttled',
          `${new URL(url).host} is busy (${String(response.status)}); run the import again later`,
          { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
        );
      }
      await this.sleep(waitMs);
    }
  }

  private detail(body: unknown): string {
    const summary = errorSummary(body);
    return summary === undefined ? '.' : `: ${summary}`;
  }
}
