/** Small fetch helpers for HTTP tests against a running app. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly body: unknown;
  readonly text: string;
}

/** A response body as JSON, or `undefined` when it is empty or not JSON. */
export function parseJsonText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function request(
  baseUrl: string,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
  } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const parsed = parseJsonText(text);
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? '',
    body: parsed,
    text,
  };
}

export const devHeaders = (user: string, tenant = 'demo'): Record<string, string> => ({
  'x-dev-tenant': tenant,
  'x-dev-user': user,
});

/** GETs `path` as a demo person, expects 200, and parses the body. */
export async function getAs<T>(
  baseUrl: string,
  path: string,
  upn: string,
  parse: (body: unknown) => T,
): Promise<T> {
  const response = await request(baseUrl, path, { headers: devHeaders(upn) });
  if (response.status !== 200) {
    throw new Error(`GET ${path} as ${upn} answered ${String(response.status)}: ${response.text}`);
  }
  return parse(response.body);
}
