/**
 * A loopback stand-in for Microsoft Entra ID's token endpoint and Microsoft Graph's Copilot usage
 * report (`getMicrosoft365CopilotUsageUserDetail`), serving the documented JSON shape in pages
 * linked by `@odata.nextLink`, and able to answer a request with a fault first (429 or 503 with
 * `Retry-After`, 403).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  /** The token request's form fields. */
  readonly form: Readonly<Record<string, string>>;
}

export interface GraphFault {
  readonly status: number;
  readonly retryAfter?: string;
  readonly body?: unknown;
}

export interface FakeGraph {
  readonly url: string;
  readonly requests: readonly GraphRequest[];
  readonly tokenRequests: readonly GraphRequest[];
  readonly reportRequests: readonly GraphRequest[];
  /** The report's rows, split into pages of `pageSize`. */
  setReport(rows: readonly Record<string, unknown>[], pageSize: number): void;
  /** The next report requests are answered with these faults, one each, before serving pages. */
  failReportRequests(...faults: GraphFault[]): void;
  failTokenRequests(...faults: GraphFault[]): void;
  /** Makes the first page link its next page on another host. */
  setForeignNextLink(link: string | undefined): void;
  close(): Promise<void>;
}

export const fakeAccessToken = 'fake-graph-access-token';
export const reportPath =
  "/v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')";

/** A report row as the Graph documentation shows it: empty strings for apps not used. */
export function copilotRow(
  upn: string,
  dates: Readonly<Record<string, string>> = {},
  reportRefreshDate = '2026-03-01',
): Record<string, unknown> {
  return {
    reportRefreshDate,
    userPrincipalName: upn,
    displayName: upn.split('@')[0] ?? upn,
    lastActivityDate: '',
    copilotChatLastActivityDate: '',
    microsoftTeamsCopilotLastActivityDate: '',
    wordCopilotLastActivityDate: '',
    excelCopilotLastActivityDate: '',
    powerPointCopilotLastActivityDate: '',
    outlookCopilotLastActivityDate: '',
    oneNoteCopilotLastActivityDate: '',
    loopCopilotLastActivityDate: '',
    copilotActivityUserDetailsByPeriod: [{ reportPeriod: 7 }],
    ...dates,
  };
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, retryAfter?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
  res.end(JSON.stringify(body));
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const requests: GraphRequest[] = [];
  let rows: readonly Record<string, unknown>[] = [];
  let pageSize = 100;
  let reportFaults: GraphFault[] = [];
  let tokenFaults: GraphFault[] = [];
  let foreignNextLink: string | undefined;
  let url = '';

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readText(req);
      const target = new URL(req.url ?? '/', url);
      const form = Object.fromEntries(new URLSearchParams(text));
      const request: GraphRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(target.pathname),
        authorization: req.headers.authorization,
        form: req.method === 'POST' ? form : {},
      };
      requests.push(request);

      if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(request.path)) {
        const fault = tokenFaults.shift();
        if (fault !== undefined) {
          sendJson(res, fault.status, fault.body ?? { error: 'invalid_client' }, fault.retryAfter);
          return;
        }
        sendJson(res, 200, {
          token_type: 'Bearer',
          expires_in: 3599,
          access_token: fakeAccessToken,
        });
        return;
      }

      if (req.method === 'GET' && request.path === reportPath) {
        const fault = reportFaults.shift();
        if (fault !== undefined) {
          sendJson(
            res,
            fault.status,
            fault.body ?? { error: { code: 'Throttled' } },
            fault.retryAfter,
          );
          return;
        }
        if (request.authorization !== `Bearer ${fakeAccessToken}`) {
          sendJson(res, 401, {
            error: { code: 'InvalidAuthenticationToken', message: 'No token' },
          });
          return;
        }
        const skip = Number(target.searchParams.get('$skiptoken') ?? '0');
        const value = rows.slice(skip, skip + pageSize);
        const after = skip + pageSize;
        const nextLink =
          after < rows.length
            ? skip === 0 && foreignNextLink !== undefined
              ? foreignNextLink
              : `${url}${reportPath}?$format=application/json&$skiptoken=${String(after)}`
            : undefined;
        sendJson(res, 200, {
          '@odata.context': `${url}/v1.0/$metadata#Collection(microsoft.graph.copilotUsageUserDetail)`,
          ...(nextLink === undefined ? {} : { '@odata.nextLink': nextLink }),
          value,
        });
        return;
      }

      sendJson(res, 404, {
        error: { code: 'NotFound', message: `${req.method ?? ''} ${request.path}` },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  return {
    url,
    requests,
    get tokenRequests() {
      return requests.filter((request) => request.method === 'POST');
    },
    get reportRequests() {
      return requests.filter((request) => request.path === reportPath);
    },
    setReport(next, size) {
      rows = next;
      pageSize = size;
    },
    failReportRequests(...faults) {
      reportFaults = faults;
    },
    failTokenRequests(...faults) {
      tokenFaults = faults;
    },
    setForeignNextLink(link) {
      foreignNextLink = link;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
