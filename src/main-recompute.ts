import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { ConfigError, loadConfigFromEnvironment } from './config.js';
import { RollupRecompute } from './services/rollup-recompute.js';
import { openStorage } from './storage/storage.js';

/**
 * `npm run recompute -- [--tenant <id>]... [--weeks <n>] [--apply]`: rebuilds the weekly rollups
 * from the raw usage events and prints one JSON report of any difference. With `--apply`, the
 * differences are repaired. Exits 1 when differences were found and left alone. Weeks whose raw
 * events retention removed are left alone and listed under `skipped`. In local mode, stop the
 * app first: the data file belongs to one process at a time.
 */
export async function recomputeMain(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      tenant: { type: 'string', multiple: true },
      weeks: { type: 'string', default: '104' },
      apply: { type: 'boolean', default: false },
    },
  });
  const weeks = Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    process.stderr.write('--weeks must be a whole number of weeks from 1 to 520\n');
    return 2;
  }
  const config = loadConfigFromEnvironment();
  const logger = pino({ level: 'warn', base: { app: 'lastmile-recompute' } });
  const storage = await openStorage(config.cosmos, { dataDir: config.dataDir, logger });
  try {
    const tenants = values.tenant ?? (await storage.program.listTenantIds());
    const report = await new RollupRecompute(storage).run(tenants, {
      now: new Date(),
      weeks,
      repair: values.apply,
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.differences.length > 0 && !report.repaired ? 1 : 0;
  } finally {
    await storage.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  recomputeMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message =
        error instanceof ConfigError
          ? error.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
      process.stderr.write(`The recompute failed: ${message}\n`);
      process.exit(1);
    },
  );
}
