import { writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generate } from 'selfsigned';

/** One telemetry item as the Azure Monitor exporter sends it to `/v2.1/track`. */
export interface TrackedEnvelope {
  readonly name: string;
  readonly iKey?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly data?: {
    readonly baseType?: string;
    readonly baseData?: Readonly<Record<string, unknown>>;
  };
}

export interface FakeAppInsights {
  /** `InstrumentationKey=…;IngestionEndpoint=https://127.0.0.1:<port>/;LiveEndpoint=…`. */
  readonly connectionString: string;
  /** A PEM file of the server's certificate, for the client's `NODE_EXTRA_CA_CERTS`. */
  readonly caFile: string;
  readonly envelopes: TrackedEnvelope[];
  /** Paths requested, in order, including ones that are not `/v2.1/track`. */
  readonly paths: string[];
  close(): Promise<void>;
}

export const fakeInstrumentationKey = '00000000-0000-4000-8000-00000000a1a1';

/**
 * The Application Insights ingestion endpoint, on loopback over HTTPS (the exporter sends only
 * to https URLs) with a certificate made for 127.0.0.1, which the client trusts through
 * `NODE_EXTRA_CA_CERTS`: nothing in the client turns certificate checks off. It accepts every
 * item, as the real endpoint answers a valid batch, and keeps them for the test to read.
 */
export async function startFakeAppInsights(folder: string): Promise<FakeAppInsights> {
  const certificate = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const caFile = path.join(folder, 'fake-app-insights-ca.pem');
  writeFileSync(caFile, certificate.cert);

  const envelopes: TrackedEnvelope[] = [];
  const paths: string[] = [];
  const server = https.createServer(
    { key: certificate.private, cert: certificate.cert },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        paths.push(request.url ?? '');
        let body = Buffer.concat(chunks);
        if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        let items: TrackedEnvelope[] = [];
        if (request.url?.startsWith('/v2.1/track') === true) {
          items = JSON.parse(body.toString('utf8')) as TrackedEnvelope[];
          envelopes.push(...items);
        }
        // Live metrics asks whether anyone watches; nobody does.
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-ms-qps-subscribed': 'false',
        });
        response.end(
          JSON.stringify({
            itemsReceived: items.length,
            itemsAccepted: items.length,
            errors: [],
          }),
        );
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${String(port)}/`;
  return {
    connectionString: `InstrumentationKey=${fakeInstrumentationKey};IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
    caFile,
    envelopes,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
