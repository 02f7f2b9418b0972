// `npm run bench [name…]`: runs each benchmark in its own process; each prints one JSON line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const folder = import.meta.dirname;
const available = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n`,
  );
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(folder, `${name}.bench.ts`)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    process.stderr.write(`Benchmark ${name} failed\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
