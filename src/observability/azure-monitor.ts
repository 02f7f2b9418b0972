import type { IncomingMessage } from 'node:http';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics, type ObservableResult } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { TelemetrySettings } from '../config.js';

/**
 * Traces, metrics and logs to Azure Monitor (Application Insights) through the OpenTelemetry
 * distro: incoming HTTP requests, outgoing calls (Cosmos DB and botbuilder through `http`, the
 * Bot Connector and Graph through `fetch`) and the Azure SDK's own spans, the standard request and dependency metrics, and Lastmile's counters.
 * Nothing is started without a connection string.
 */

export interface Telemetry {
  /** Exports what is still buffered and stops; call last, after the work has stopped. */
  shutdown(): Promise<void>;
}

export interface TelemetryIdentity {
  readonly serviceVersion: string;
  /** This process, so each App Service instance shows as its own role instance. */
  readonly instanceId: string;
}

/** Totals since start that the counters report; each source is read once per export. */
export interface CounterSources {
  readonly deliveries: () => {
    readonly sent: number;
    readonly retried: number;
    readonly dead: number;
  };
  readonly usageEvents: () => {
    readonly accepted: number;
    readonly duplicates: number;
    readonly rejected: number;
  };
}

/** Health probes every few seconds would drown the requests people make. */
const untracedPaths = new Set(['/healthz']);

/**
 * The HTTP instrumentation's own options, which the distro's option type does not list. In local
 * mode the embedded Cosmos server shares the process: its requests (the SDK's, which carry
 * `x-ms-version`) are the store's, already traced as the app's dependencies.
 */
const httpInstrumentation = {
  enabled: true,
  ignoreIncomingRequestHook: (request: IncomingMessage): boolean =>
    untracedPaths.has(request.url ?? '') || request.headers['x-ms-version'] !== undefined,
};

export function startTelemetry(
  settings: TelemetrySettings,
  identity: TelemetryIdentity,
): Telemetry | undefined {
  if (settings.connectionString === undefined) return undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.connectionString },
    resource: resourceFromAttributes({
      'service.name': 'lastmile',
      'service.version': identity.serviceVersion,
      'service.instance.id': identity.instanceId,
    }),
    // 0 turns the rate-limited sampler off, and the ratio of 1 then keeps every trace.
    tracesPerSecond: settings.tracesPerSecond,
    samplingRatio: 1,
    instrumentationOptions: {
      http: httpInstrumentation,
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  // Proactive sends to the Bot Connector and the Graph report import use Node's fetch (undici),
  // which the distro's http instrumentation does not see.
  const disableUndici = registerInstrumentations({
    instrumentations: [new UndiciInstrumentation()],
  });
  return {
    shutdown: async () => {
      disableUndici();
      await shutdownAzureMonitor();
    },
  };
}

/**
 * Lastmile's own counters, read from the services' totals at each export, so no request pays for
 * them: proactive messages by outcome and usage events by outcome. Without a started
 * `startTelemetry` the global meter is a no-op and this costs nothing.
 */
export function registerCounters(sources: CounterSources): void {
  const meter = metrics.getMeter('lastmile');
  const countByOutcome = (
    name: string,
    options: { description: string; unit: string },
    read: () => Readonly<Record<string, number>>,
  ): void => {
    meter.createObservableCounter(name, options).addCallback((result: ObservableResult) => {
      for (const [outcome, value] of Object.entries(read())) result.observe(value, { outcome });
    });
  };
  countByOutcome(
    'lastmile.deliveries',
    {
      description: 'Proactive messages (lessons, practice, flag notices) by outcome',
      unit: '{message}',
    },
    () => {
      const { sent, retried, dead } = sources.deliveries();
      return { sent, retried, dead };
    },
  );
  countByOutcome(
    'lastmile.usage_events',
    { description: 'Usage events received by the ingest, by outcome', unit: '{event}' },
    () => {
      const { accepted, duplicates, rejected } = sources.usageEvents();
      return { accepted, duplicate: duplicates, rejected };
    },
  );
}
