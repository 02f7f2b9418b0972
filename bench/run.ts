// `npm run bench [name…]`: runs each benchmark in its own process; each prints one JSON line.
// With no name it runs them all and writes the table of figures against their targets to
// bench/results.md and the README's "How fast" section. With names it runs just those and
// writes nothing: a table is one machine's full run, never a mix of runs.
// Exit code: 1 when a benchmark failed (it exited other than 0, which the benchmarks do on a crash
// or a wrong count, or it printed no figures) or the README could not be updated; 2 for an unknown
// name. A missed target is marked in the table but leaves the exit code at 0: timings depend on the
// machine and what else it runs.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  benchFailed,
  type BenchRun,
  lastJsonLine,
  type Machine,
  renderResults,
  renderResultsFile,
  renderTable,
  replaceMarkedBlock,
  tableRows,
} from './results-table.js';
import { figures } from './targets.js';

const folder = import.meta.dirname;
const root = path.dirname(folder);
const resultsFile = path.join(folder, 'results.md');
const readmeFile = path.join(root, 'README.md');
/** Each benchmark bounds its own waits; this stops one that hangs regardless. */
const benchTimeoutMs = 20 * 60_000;
const killGraceMs = 10_000;
/** Only the tail of the output is kept: the figures are its last JSON line. */
const keptOutputChars = 64 * 1024;

function runBench(name: string): Promise<BenchRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(folder, `${name}.bench.ts`)],
      { stdio: ['inherit', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      output = (output + chunk).slice(-keptOutputChars);
    });
    const timer = setTimeout(() => {
      process.stderr.write(
        `Benchmark ${name} ran over ${String(benchTimeoutMs / 60_000)} min; stopping it\n`,
      );
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), killGraceMs).unref();
    }, benchTimeoutMs);
    child.on('error', (error) => {
      process.stderr.write(`Benchmark ${name} could not start: ${error.message}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        name,
        exitCode: code,
        figures: lastJsonLine(output),
        durationMs: performance.now() - started,
      });
    });
  });
}

function osName(): string {
  let distribution: string | undefined;
  try {
    distribution = /^PRETTY_NAME="?([^"\n]*)"?$/mu.exec(
      readFileSync('/etc/os-release', 'utf8'),
    )?.[1];
  } catch {
    // Not Linux, or a system without os-release: the kernel's name says enough.
  }
  const kernel = `${os.type()} ${os.release()}`;
  return distribution === undefined ? kernel : `${distribution} (${kernel})`;
}

function machine(): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim().replace(/\s+/gu, ' ') ?? 'unknown CPU',
    cpuCount: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: osName(),
    node: process.version,
  };
}

function git(args: readonly string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function commit(): string {
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head === undefined) return 'unknown';
  // The two files this run rewrites do not count: a new table over an old one is not a change
  // to what was measured.
  const changes = git([
    'status',
    '--porcelain',
    '--untracked-files=no',
    '--',
    '.',
    ':(exclude)bench/results.md',
    ':(exclude)README.md',
  ]);
  return changes === '' ? `\`${head}\`` : `\`${head}\` with uncommitted changes`;
}

/** Settings the benchmarks read from the environment: a table made with them says so. */
function overrides(): string[] {
  return Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_'))
    .map(([name, value]) => `${name}=${value ?? ''}`)
    .sort();
}

async function formatted(markdown: string, file: string): Promise<string> {
  return format(markdown, { ...(await resolveConfig(file)), parser: 'markdown' });
}

const available = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/u, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n`,
  );
  process.exit(2);
}

const startedAt = new Date();
const started = performance.now();
const [loadAverage = 0] = os.loadavg();
const runs: BenchRun[] = [];
for (const name of wanted.length > 0 ? wanted : available) {
  const run = await runBench(name);
  if (benchFailed(run)) process.stderr.write(`Benchmark ${name} failed\n`);
  runs.push(run);
}
let failed = runs.some(benchFailed);

if (wanted.length > 0) {
  process.stderr.write(
    `\n${renderTable(tableRows(figures, runs))}\n\n` +
      'Not written to bench/results.md or the README: only a run of every benchmark is.\n',
  );
} else {
  const block = await formatted(
    renderResults(
      {
        machine: machine(),
        startedAt,
        commit: commit(),
        durationMs: performance.now() - started,
        loadAverage,
        overrides: overrides(),
      },
      figures,
      runs,
    ),
    readmeFile,
  );
  await writeFile(resultsFile, await formatted(renderResultsFile(block), resultsFile));
  process.stderr.write(`\n${block}\nWritten to bench/results.md\n`);
  try {
    // Read just before writing: others may be editing the README's other sections.
    const readme = readFileSync(readmeFile, 'utf8');
    await writeFile(readmeFile, replaceMarkedBlock(readme, block));
    process.stderr.write('and to the README\n');
  } catch (error) {
    process.stderr.write(`The README was not updated: ${(error as Error).message}\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
