/**
 * Builds the Teams app package that an admin uploads: fills the `${{VAR}}` placeholders of
 * appPackage/manifest.json from env/.env.<name> (then env/.env.<name>.user, which wins), validates
 * the result against the JSON schema that `@microsoft/app-manifest` bundles for its manifestVersion,
 * checks the icons, and writes appPackage/build/appPackage.<name>.zip with manifest.json and the two
 * icons at the zip root.
 *
 * Run: `npm run package -- --env local [--out <dir>] [--root <project dir>]`. Nothing is written when a check fails, so a
 * zip on disk is always one that passed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ajvDraft04 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { crc32 } from './make-icons.js';

// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the
// class or plugin itself.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Thrown for every reason the package is not built; the CLI prints the message and exits 1. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

export interface PackageOptions {
  /** The environment name: reads env/.env.<env> and, if present, env/.env.<env>.user. */
  readonly env: string;
  /** Where the zip goes; appPackage/build under the project root by default. */
  readonly outDir?: string | undefined;
  /** The project root holding appPackage/ and env/; this repository by default. */
  readonly rootDir?: string | undefined;
}

export interface PackageResult {
  readonly zipPath: string;
  readonly manifest: Record<string, unknown>;
}

/**
 * Reads a dotenv file the way Teams Toolkit writes them: `KEY=value` lines, `#` comments, values
 * optionally in single or double quotes.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match === null) continue;
    const key = match[1] ?? '';
    let value = (match[2] ?? '').trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted !== null) {
      value = quoted[2] ?? '';
    } else {
      // An unquoted value ends at a ` #` comment, as in dotenv.
      value = value.replace(/\s+#.*$/, '');
    }
    values.set(key, value);
  }
  return values;
}

export function readEnvironment(rootDir: string, env: string): Map<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(env)) {
    throw new PackageError(`The environment name "${env}" may use letters, digits, - and _ only.`);
  }
  const basePath = path.join(rootDir, 'env', `.env.${env}`);
  if (!existsSync(basePath)) {
    throw new PackageError(`There is no env/.env.${env}: create it or pick another --env.`);
  }
  const values = parseEnvFile(readFileSync(basePath, 'utf8'));
  const userPath = `${basePath}.user`;
  if (existsSync(userPath)) {
    for (const [key, value] of parseEnvFile(readFileSync(userPath, 'utf8'))) values.set(key, value);
  }
  return values;
}

const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{VAR}}`. A variable that is absent or empty counts as missing: an empty id or
 * domain would only fail later, in Teams, with a far less helpful message.
 */
export function fillPlaceholders(
  template: string,
  values: ReadonlyMap<string, string>,
): { readonly text: string; readonly missing: readonly string[] } {
  const missing = new Set<string>();
  const text = template.replace(placeholderPattern, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    // The manifest is JSON, so a value must not be able to end its string.
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing].sort() };
}

function schemaDirectory(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@microsoft/app-manifest');
  // The package's main is build/index.js; the schemas sit beside it.
  return path.join(path.dirname(entry), 'json-schemas', 'teams');
}

/**
 * Some bundled schema patterns use `\a` and `\v`, which JavaScript's unicode-mode RegExp rejects
 * (`\a`) or which the online validator never meant as escapes. Swap them for the same characters
 * written as hex escapes so the pattern keeps its meaning.
 */
function cleanPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanPatterns);
  if (node === null || typeof node !== 'object') return node;
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    cleaned[key] =
      key === 'pattern' && typeof value === 'string'
        ? value.replace(/(?<!\\)((?:\\\\)*)\\([av])/g, (_whole, slashes: string, letter: string) =>
            letter === 'a' ? `${slashes}\\x07` : `${slashes}\\x0B`,
          )
        : cleanPatterns(value);
  }
  return cleaned;
}

export function schemaPathFor(manifestVersion: string): string {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return path.join(schemaDirectory(), folder, 'MicrosoftTeams.schema.json');
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const detail =
    error.keyword === 'additionalProperties'
      ? `${error.message ?? ''}: ${String(error.params['additionalProperty'])}`
      : error.keyword === 'enum'
        ? `${error.message ?? ''}: ${JSON.stringify(error.params['allowedValues'])}`
        : (error.message ?? error.keyword);
  return `${where} ${detail}`;
}

/** Validates a filled manifest against its manifestVersion's bundled schema; [] when valid. */
export function validateManifest(manifest: unknown): readonly string[] {
  if (manifest === null || typeof manifest !== 'object') return ['(root) must be an object'];
  const version = (manifest as Record<string, unknown>)['manifestVersion'];
  if (typeof version !== 'string') return ['(root) must have a manifestVersion string'];
  const schemaPath = schemaPathFor(version);
  if (!existsSync(schemaPath)) {
    return [`manifestVersion ${version} has no schema bundled in @microsoft/app-manifest`];
  }
  const schema = cleanPatterns(JSON.parse(readFileSync(schemaPath, 'utf8'))) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(describeError);
}

/** Width, height and PNG colour type from the IHDR chunk, which the PNG format puts first. */
export function readPngHeader(file: Uint8Array): {
  readonly width: number;
  readonly height: number;
  readonly colourType: number;
} {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 33 || bytes.toString('hex', 0, 8) !== signature) {
    throw new PackageError('not a PNG file');
  }
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new PackageError('PNG without IHDR first');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    colourType: bytes.readUInt8(25),
  };
}

/** Teams rejects a package whose icons have other sizes; an outline icon needs transparency. */
function checkIcon(name: string, file: Buffer, size: number, needsAlpha: boolean): string[] {
  let header;
  try {
    header = readPngHeader(file);
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (header.width !== size || header.height !== size) {
    problems.push(
      `${name} is ${String(header.width)}×${String(header.height)}, not ${String(size)}×${String(size)}`,
    );
  }
  // Colour types 4 (grey + alpha) and 6 (RGBA) carry an alpha channel.
  if (needsAlpha && header.colourType !== 4 && header.colourType !== 6) {
    problems.push(`${name} has no alpha channel, so it cannot be transparent`);
  }
  return problems;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * A store-only (uncompressed) zip: the package is three small files, Teams accepts stored entries,
 * and a fixed timestamp (1980-01-01) makes the same inputs give the same bytes.
 */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(0, 10); // time 00:00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra length, comment length, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function iconFileName(manifest: Record<string, unknown>, kind: 'color' | 'outline'): string {
  const icons = manifest['icons'] as Record<string, unknown> | undefined;
  const name = icons?.[kind];
  if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) {
    throw new PackageError(`icons.${kind} must name a file in appPackage/, e.g. "${kind}.png"`);
  }
  return name;
}

export function packageApp(options: PackageOptions): PackageResult {
  const rootDir = options.rootDir ?? projectRoot;
  const appPackageDir = path.join(rootDir, 'appPackage');
  const outDir = options.outDir ?? path.join(appPackageDir, 'build');
  const values = readEnvironment(rootDir, options.env);

  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const { text, missing } = fillPlaceholders(template, values);
  if (missing.length > 0) {
    const files = `env/.env.${options.env} or env/.env.${options.env}.user`;
    throw new PackageError(
      `appPackage/manifest.json has placeholders with no value in ${files}: ` +
        `${missing.map((name) => `\${{${name}}}`).join(', ')}. Set ${missing.join(', ')} and run again.`,
    );
  }

  const manifest = JSON.parse(text) as Record<string, unknown>;
  const errors = validateManifest(manifest);
  if (errors.length > 0) {
    throw new PackageError(
      `The filled manifest does not match the Teams schema v${String(manifest['manifestVersion'])}:\n` +
        errors.map((error) => `  - ${error}`).join('\n'),
    );
  }

  const colorName = iconFileName(manifest, 'color');
  const outlineName = iconFileName(manifest, 'outline');
  const color = readFileSync(path.join(appPackageDir, colorName));
  const outline = readFileSync(path.join(appPackageDir, outlineName));
  const iconProblems = [
    ...checkIcon(colorName, color, 192, false),
    ...checkIcon(outlineName, outline, 32, true),
  ];
  if (iconProblems.length > 0) {
    throw new PackageError(`The icons are not what Teams accepts: ${iconProblems.join('; ')}.`);
  }

  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: colorName, data: color },
    { name: outlineName, data: outline },
  ]);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, manifest };
}

export function runCli(argv: readonly string[]): number {
  let env: string | undefined;
  let outDir: string | undefined;
  let rootDir: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { env: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } },
      strict: true,
    });
    env = values.env;
    outDir = values.out;
    rootDir = values.root;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (env === undefined || env === '') {
    console.error('Usage: npm run package -- --env <name> [--out <dir>] [--root <project dir>]');
    return 1;
  }
  try {
    const { zipPath } = packageApp({
      env,
      outDir: outDir === undefined ? undefined : path.resolve(outDir),
      rootDir: rootDir === undefined ? undefined : path.resolve(rootDir),
    });
    const relative = path.relative(process.cwd(), zipPath);
    console.log(`Wrote ${relative.startsWith('..') ? zipPath : relative}`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  process.exitCode = runCli(process.argv.slice(2));
}
