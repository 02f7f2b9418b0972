import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Config, ConfigError, loadConfigFromEnvironment } from './config.js';
import { demoAdminUpn, demoFixedPeople } from './domain/demo-tenant.js';
import type { RunningApp } from './main.js';
import type { Telemetry } from './observability/azure-monitor.js';
import { appVersion } from './project-root.js';

/**
 * The process entry (`npm start`, App Service's `node dist/src/server.js`). It loads nothing of the
 * app until telemetry is on: OpenTelemetry instruments `http`, Express and the Azure SDK only in
 * modules loaded after its import hook is registered, so the composition root (`main.ts`) and
 * everything it imports come in by dynamic import afterwards.
 */

function readConfig(): Config {
  try {
    return loadConfigFromEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Lastmile cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function startTelemetryFirst(config: Config): Promise<Telemetry | undefined> {
  if (config.telemetry.connectionString === undefined) return undefined;
  await import('@azure/monitor-opentelemetry/loader');
  const { startTelemetry } = await import('./observability/azure-monitor.js');
  return startTelemetry(config.telemetry, {
    serviceVersion: appVersion(),
    instanceId: `${hostname()}:${String(process.pid)}`,
  });
}

function printWelcome(app: RunningApp, config: Config): void {
  if (!config.devIdentity) return;
  const people = [
    [demoFixedPeople.champion.upn, 'AI champion: scoreboard, flags, checkpoint'],
    [demoFixedPeople.lead.upn, 'team lead: practice in meetings'],
    [demoFixedPeople.member.upn, 'employee: prompts, lessons, flags'],
    [demoAdminUpn, 'admin: program set-up'],
  ];
  const width = Math.max(...people.map(([upn]) => upn?.length ?? 0));
  const lines = [
    '',
    `  Lastmile is running at ${app.url} (store: ${app.storageMode}, data in ${config.dataDir})`,
    '',
    `  Open ${app.url}/ in a browser and choose a demo person under "View as":`,
    ...people.map(([upn, what]) => `    ${(upn ?? '').padEnd(width)}  ${what ?? ''}`),
    '',
    `  The bot and message extension answer at ${app.url}/api/messages. To talk to them`,
    '  without Teams, run `npm run playground` in another terminal: the Agents Playground opens',
    '  signed in as Mia Okafor (member); type help, setup, lesson or progress, and in the meeting',
    '  chat, as Leo Marsh, @Lastmile practice.',
    '  Stop with Ctrl+C; data is saved on exit.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs Lastmile from the environment until SIGINT or SIGTERM. */
export async function main(): Promise<void> {
  const config = readConfig();
  const telemetry = await startTelemetryFirst(config);
  const { startLastmile } = await import('./main.js');
  const app = await startLastmile(config);
  printWelcome(app, config);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    // Telemetry last, so that it flushes the traces of the shutdown too.
    app
      .close()
      .then(() => telemetry?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Stopping after ${signal} failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Lastmile failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
