// Builds the server (tsc) and the tab (vite) only when their sources changed since the last build,
// so `npm start` is quick on a warm machine and always runs what the sources say.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp.json');

const targets = {
  server: {
    inputs: ['src', 'bot', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    outputs: ['dist/src', 'dist/bot'],
    command: [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
    ],
  },
  tab: {
    inputs: ['tab', 'src/contracts', 'package-lock.json'],
    outputs: ['dist/tab'],
    command: [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'tab/vite.config.ts',
      '--logLevel',
      'warn',
    ],
  },
};

function listFiles(relative) {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => listFiles(path.join(relative, entry.name)))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(listFiles).sort()) {
    const { size, mtimeMs } = statSync(path.join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

/** @param {{ server?: boolean, tab?: boolean, log?: (line: string) => void }} options */
export function ensureBuilt(options = { server: true, tab: true }) {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  const stamp = readStamp();
  for (const [name, target] of Object.entries(targets)) {
    if (!options[name]) continue;
    const current = fingerprint(target.inputs);
    const built = target.outputs.every((output) => existsSync(path.join(root, output)));
    if (built && stamp[name] === current) continue;
    log(`Building the ${name}…`);
    for (const output of target.outputs)
      rmSync(path.join(root, output), { recursive: true, force: true });
    // A production bundle even when started from tests (vitest sets NODE_ENV=test).
    const result = spawnSync(process.execPath, target.command, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`Building the ${name} failed (exit ${result.status})`);
    stamp[name] = current;
    mkdirSync(path.dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBuilt({
    server: !process.argv.includes('--tab-only'),
    tab: !process.argv.includes('--server-only'),
  });
}
