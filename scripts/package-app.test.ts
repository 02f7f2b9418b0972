import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageExtensionCommands } from '../bot/message-extension.js';
import {
  fillPlaceholders,
  PackageError,
  packageApp,
  parseEnvFile,
  schemaPathFor,
  validateManifest,
} from './package-app.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * Reads a zip from its central directory, as Teams does, and checks each entry against its local
 * header and CRC. Only stored entries are expected: the packager does not compress.
 */
function readZip(zip: Buffer): ZipFile[] {
  const endOffset = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endOffset).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(endOffset + 10);
  const centralSize = zip.readUInt32LE(endOffset + 12);
  let offset = zip.readUInt32LE(endOffset + 16);
  expect(offset + centralSize).toBe(endOffset);
  const files: ZipFile[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    expect(method).toBe(0);
    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    expect(zip.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength)).toBe(name);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = zip.subarray(start, start + size);
    expect(crc32(data)).toBe(crc);
    files.push({ name, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function pngHeader(file: Buffer): { width: number; height: number; colourType: number } {
  expect(file.toString('hex', 0, 8)).toBe('89504e470d0a1a0a');
  expect(file.toString('ascii', 12, 16)).toBe('IHDR');
  return {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    colourType: file.readUInt8(25),
  };
}

/**
 * The pixels of an 8-bit RGBA, non-interlaced PNG (what Teams icons are), all five scanline
 * filters undone; anything else throws, so a change of format fails the test rather than pass it.
 */
function pngPixels(file: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const { width, height, colourType } = pngHeader(file);
  if (colourType !== 6 || file.readUInt8(24) !== 8 || file.readUInt8(28) !== 0) {
    throw new Error('pngPixels reads 8-bit RGBA, non-interlaced PNGs only');
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset < file.length;) {
    const length = file.readUInt32BE(offset);
    if (file.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      idat.push(file.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const paeth = (): number => {
        const estimate = left + up - upLeft;
        const [a, b, c] = [estimate - left, estimate - up, estimate - upLeft].map(Math.abs);
        return (a ?? 0) <= (b ?? 0) && (a ?? 0) <= (c ?? 0)
          ? left
          : (b ?? 0) <= (c ?? 0)
            ? up
            : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${String(filter)}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

function newestBundledVersion(): string {
  const teams = path.dirname(path.dirname(schemaPathFor('1.0')));
  const versions = readdirSync(teams)
    .map((folder) => /^v(\d+)\.(\d+)$/.exec(folder))
    .filter((match) => match !== null)
    .map((match) => [Number(match[1]), Number(match[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (newest === undefined) throw new Error(`no schemas in ${teams}`);
  return `${String(newest[0])}.${String(newest[1])}`;
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

let workDir = '';

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'lastmile-package-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run package -- --env local', () => {
  let files: ZipFile[] = [];
  let manifest: Json = {};

  beforeAll(() => {
    const outDir = path.join(workDir, 'local');
    const stdout = execFileSync(
      'npm',
      ['run', '--silent', 'package', '--', '--env', 'local', '--out', outDir],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const zipPath = path.join(outDir, 'appPackage.local.zip');
    expect(stdout).toContain(zipPath);
    files = readZip(readFileSync(zipPath));
    const manifestFile = files.find((file) => file.name === 'manifest.json');
    manifest = JSON.parse(manifestFile?.data.toString('utf8') ?? '{}') as Json;
  });

  it('should hold manifest.json, color.png and outline.png at the zip root and nothing else', () => {
    expect(files.map((file) => file.name).sort()).toEqual([
      'color.png',
      'manifest.json',
      'outline.png',
    ]);
  });

  it('should fill every placeholder from env/.env.local', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('${{');
    const env = parseEnvFile(readFileSync(path.join(projectRoot, 'env/.env.local'), 'utf8'));
    expect(manifest['id']).toBe(env.get('TEAMS_APP_ID'));
    expect(list(manifest['bots'])[0]?.['botId']).toBe(env.get('BOT_ID'));
  });

  it('should use the newest manifest schema version that @microsoft/app-manifest bundles', () => {
    expect(manifest['manifestVersion']).toBe(newestBundledVersion());
    expect(manifest['$schema']).toContain(`/v${newestBundledVersion()}/`);
  });

  it('should validate against the bundled JSON schema of its manifestVersion', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('should declare the bot in personal, team and group chat scopes with a command list for each', () => {
    const bot = list(manifest['bots'])[0];
    expect(bot?.['scopes']).toEqual(['personal', 'team', 'groupChat']);
    const listed = list(bot?.['commandLists']).flatMap((commandList) => commandList['scopes']);
    expect(new Set(listed)).toEqual(new Set(['personal', 'team', 'groupChat']));
  });

  it("should declare the message extension's four commands: a query, an action and two message actions", () => {
    const commands = list(list(manifest['composeExtensions'])[0]?.['commands']);
    const byId = new Map(commands.map((command) => [command['id'], command]));
    expect([...byId.keys()].sort()).toEqual(Object.values(messageExtensionCommands).sort());
    expect(byId.get(messageExtensionCommands.findPrompt)?.['type']).toBe('query');
    expect(byId.get(messageExtensionCommands.fillPrompt)?.['type']).toBe('action');
    for (const id of [messageExtensionCommands.flagOutput, messageExtensionCommands.saveAsPrompt]) {
      expect(byId.get(id)?.['type']).toBe('action');
      expect(byId.get(id)?.['context']).toEqual(['message']);
    }
  });

  it('should unfurl links to its own domain and list that domain as valid', () => {
    const env = parseEnvFile(readFileSync(path.join(projectRoot, 'env/.env.local'), 'utf8'));
    const handlers = list(list(manifest['composeExtensions'])[0]?.['messageHandlers']);
    expect(handlers[0]?.['type']).toBe('link');
    expect((handlers[0]?.['value'] as Json | undefined)?.['domains']).toEqual([
      env.get('TAB_DOMAIN'),
    ]);
    expect(manifest['validDomains']).toContain(env.get('TAB_DOMAIN'));
  });

  it('should declare a personal static tab and a configurable tab for channels, chats and meetings', () => {
    const personal = list(manifest['staticTabs']).find(
      (tab) => typeof tab['contentUrl'] === 'string',
    );
    expect(personal?.['scopes']).toEqual(['personal']);
    const configurable = list(manifest['configurableTabs'])[0];
    expect(configurable?.['scopes']).toEqual(['team', 'groupChat']);
    expect(configurable?.['context']).toEqual(
      expect.arrayContaining([
        'channelTab',
        'privateChatTab',
        'meetingChatTab',
        'meetingSidePanel',
      ]),
    );
  });

  it('should declare webApplicationInfo for SSO with the Entra app and an api:// resource', () => {
    const env = parseEnvFile(readFileSync(path.join(projectRoot, 'env/.env.local'), 'utf8'));
    const sso = manifest['webApplicationInfo'] as Json | undefined;
    expect(sso?.['id']).toBe(env.get('AAD_APP_CLIENT_ID'));
    expect(sso?.['resource']).toBe(
      `api://${String(env.get('TAB_DOMAIN'))}/${String(env.get('AAD_APP_CLIENT_ID'))}`,
    );
  });

  it('should ask resource-specific consent for the meeting start events the bot handles', () => {
    const rsc = list(
      ((manifest['authorization'] as Json | undefined)?.['permissions'] as Json | undefined)?.[
        'resourceSpecific'
      ],
    ).map((permission) => permission['name']);
    expect(rsc).toEqual(
      expect.arrayContaining(['OnlineMeeting.ReadBasic.Chat', 'ChannelMeeting.ReadBasic.Group']),
    );
  });

  it('should carry a 192×192 colour icon and a 32×32 outline icon with an alpha channel', () => {
    const color = files.find((file) => file.name === 'color.png');
    const outline = files.find((file) => file.name === 'outline.png');
    expect(color && pngHeader(color.data)).toMatchObject({ width: 192, height: 192 });
    const outlineHeader = outline && pngHeader(outline.data);
    expect(outlineHeader).toMatchObject({ width: 32, height: 32 });
    // PNG colour types 4 and 6 carry alpha; the outline icon must be transparent around the mark.
    expect([4, 6]).toContain(outlineHeader?.colourType);
  });

  it('should draw the outline icon in white only, on a transparent background', () => {
    const outline = files.find((file) => file.name === 'outline.png');
    expect(outline).toBeDefined();
    const { rgba } = pngPixels(outline?.data ?? Buffer.alloc(0));
    let opaque = 0;
    let transparent = 0;
    const coloured: number[] = [];
    for (let index = 0; index < rgba.length; index += 4) {
      const alpha = rgba[index + 3] ?? 0;
      if (alpha === 0) transparent += 1;
      else {
        opaque += 1;
        const rgb = [rgba[index], rgba[index + 1], rgba[index + 2]];
        if (rgb.some((channel) => channel !== 255)) coloured.push(index / 4);
      }
    }
    expect(coloured).toEqual([]);
    // A mark, not an empty square nor a filled one.
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.2);
  });

  it('should fill the colour icon edge to edge with no transparent pixels', () => {
    const color = files.find((file) => file.name === 'color.png');
    const { rgba } = pngPixels(color?.data ?? Buffer.alloc(0));
    const seeThrough = rgba.filter((_, index) => index % 4 === 3 && rgba[index] !== 255);
    expect(seeThrough.length).toBe(0);
  });
});

describe('packaging with a placeholder that has no value', () => {
  function copyProject(root: string, envText: string): void {
    mkdirSync(path.join(root, 'env'), { recursive: true });
    mkdirSync(path.join(root, 'appPackage'), { recursive: true });
    cpSync(
      path.join(projectRoot, 'appPackage/manifest.json'),
      path.join(root, 'appPackage/manifest.json'),
    );
    cpSync(path.join(projectRoot, 'appPackage/color.png'), path.join(root, 'appPackage/color.png'));
    cpSync(
      path.join(projectRoot, 'appPackage/outline.png'),
      path.join(root, 'appPackage/outline.png'),
    );
    writeFileSync(path.join(root, 'env/.env.gap'), envText);
  }

  const localEnv = (): string => readFileSync(path.join(projectRoot, 'env/.env.local'), 'utf8');

  it('should fail from the command line with exit code 1, naming the placeholder, and write no zip', () => {
    const root = path.join(workDir, 'gap-cli');
    const outDir = path.join(workDir, 'gap-cli-out');
    copyProject(root, localEnv().replace(/^BOT_ID=.*$/m, 'BOT_ID='));
    let status: number | null = 0;
    let stderr = '';
    try {
      execFileSync(
        'npx',
        ['tsx', 'scripts/package-app.ts', '--env', 'gap', '--root', root, '--out', outDir],
        { cwd: projectRoot, encoding: 'utf8', timeout: 60_000, stdio: 'pipe' },
      );
    } catch (error) {
      const failure = error as { status: number | null; stderr: string };
      status = failure.status;
      stderr = failure.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('${{BOT_ID}}');
    expect(stderr).not.toContain('TEAMS_APP_ID');
    expect(existsSync(path.join(outDir, 'appPackage.gap.zip'))).toBe(false);
  });

  it('should name every missing placeholder when several have no value', () => {
    const root = path.join(workDir, 'gap-many');
    const outDir = path.join(workDir, 'gap-many-out');
    copyProject(
      root,
      localEnv()
        .replace(/^AAD_APP_CLIENT_ID=.*$/m, '')
        .replace(/^TAB_DOMAIN=.*$/m, 'TAB_DOMAIN=""'),
    );
    expect(() => packageApp({ env: 'gap', rootDir: root, outDir })).toThrow(PackageError);
    expect(() => packageApp({ env: 'gap', rootDir: root, outDir })).toThrow(
      /\$\{\{AAD_APP_CLIENT_ID\}\}, \$\{\{TAB_DOMAIN\}\}/,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('should take a value from env/.env.<name>.user over env/.env.<name>', () => {
    const root = path.join(workDir, 'gap-user');
    const outDir = path.join(workDir, 'gap-user-out');
    copyProject(root, localEnv().replace(/^BOT_ID=.*$/m, 'BOT_ID='));
    writeFileSync(
      path.join(root, 'env/.env.gap.user'),
      'BOT_ID=00000000-0000-4000-8000-0000000000b9\n',
    );
    const { zipPath, manifest } = packageApp({ env: 'gap', rootDir: root, outDir });
    expect(existsSync(zipPath)).toBe(true);
    expect(list(manifest['bots'])[0]?.['botId']).toBe('00000000-0000-4000-8000-0000000000b9');
  });
});

describe('manifest checks', () => {
  it('should reject a manifest that breaks its schema, saying where', () => {
    const filled = fillPlaceholders(
      readFileSync(path.join(projectRoot, 'appPackage/manifest.json'), 'utf8'),
      parseEnvFile(readFileSync(path.join(projectRoot, 'env/.env.local'), 'utf8')),
    );
    const manifest = JSON.parse(filled.text) as Json;
    expect(validateManifest(manifest)).toEqual([]);
    const commands = list(list(manifest['composeExtensions'])[0]?.['commands']);
    if (commands[0] !== undefined) commands[0]['type'] = 'search';
    expect(validateManifest(manifest)).toEqual([
      expect.stringContaining('/composeExtensions/0/commands/0/type'),
    ]);
  });

  it('should escape a value so that it cannot end its JSON string', () => {
    const filled = fillPlaceholders('{"a":"${{X}}"}', new Map([['X', 'say "hi"\\']]));
    expect(JSON.parse(filled.text)).toEqual({ a: 'say "hi"\\' });
  });

  it('should read quoted values and skip comments in env files', () => {
    const values = parseEnvFile('# note\nA=1\nB="two words"\nC=three # trailing\nD=\n');
    expect([...values]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'three'],
      ['D', ''],
    ]);
  });
});
