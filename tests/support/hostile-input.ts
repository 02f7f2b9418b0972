/**
 * Shared by the bad-input tests (REST and bot): generators of hostile values with fast-check, a
 * check that an answer leaks no stack trace or file path, a check that no prototype was polluted,
 * and a logger that keeps the app's error lines.
 */
import fc from 'fast-check';
import { pino, type Logger } from 'pino';
import { expect } from 'vitest';

/** One seed for every property, so a failure reruns exactly (fast-check prints it). */
export const propertySeed = 20_261_126;

/** A key that proto payloads try to plant on `Object.prototype`. */
export const pollutionMarker = 'pollutedByLastmileTest';

export const protoKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** `{ "__proto__": { marker: ... } }` and its relatives, as own keys (as `JSON.parse` makes them). */
export function protoPayload(key: (typeof protoKeys)[number], inner: unknown = 'yes'): unknown {
  const payload = {};
  const planted =
    key === 'constructor'
      ? { prototype: { [pollutionMarker]: inner } }
      : { [pollutionMarker]: inner };
  Object.defineProperty(payload, key, { value: planted, enumerable: true, writable: true });
  return payload;
}

/** An object with `key` as an own property, even `__proto__`, as `JSON.parse` would make it. */
export function withOwnKey(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A string with a UTF-16 half that has no other half: not Unicode text, though JSON allows `\ud800`. */
export function loneSurrogateArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'),
      fc.string({ maxLength: 20 }),
    )
    .map(([before, half, after]) => `${before}${half}${after}`);
}

/** Text that would misbehave if read as a template, markdown, HTML or card JSON. */
export function hostileTextArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '${process.exit()}',
      '${string(1+1)}',
      '${$root.secret}',
      '{{client}}',
      '{{{{client}}}}',
      '{{constructor}}',
      '{{__proto__}}',
      '`${1+1}`',
      '<script>alert(1)</script>',
      '<at>Lastmile</at>',
      '**bold** [link](https://evil.example) ![img](https://evil.example/x.png)',
      '"}]},{"type":"Image","url":"https://evil.example/x.png"}',
      '\u0000\u0007\u001b[31m',
      '\u202e\u200b\ufeff',
      '../../etc/passwd',
      "'; DROP TABLE prompts; --",
      'SELECT * FROM c WHERE c.tenantId != "demo"',
    ),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
  );
}

/** Nested arrays or objects `depth` levels deep around a leaf. */
export function deepValue(depth: number, shape: 'array' | 'object', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = shape === 'array' ? [value] : { a: value };
  return value;
}

/** The same nesting as JSON text, built without recursion (so depth is only a size question). */
export function deepJson(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const leakPatterns: readonly RegExp[] = [
  /\n\s+at \S/u,
  /\bat (?:async )?[\w$.<>[\]]+ \(/u,
  /\.(?:ts|js|mjs|cjs):\d+/u,
  /node_modules/u,
  /file:\/\//u,
  /\/work\/main/u,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/u,
];

/**
 * The first sign of a stack trace or a server file path in an answer, unless the request itself
 * carried the same text (an answer may quote what was sent).
 */
export function leakIn(answer: string, sent = ''): string | undefined {
  const patterns = [...leakPatterns, new RegExp(escapeRegExp(process.cwd()), 'u')];
  for (const pattern of patterns) {
    const found = pattern.exec(answer);
    if (found !== null && !pattern.test(sent)) return found[0];
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export interface PrototypeSnapshot {
  readonly names: ReadonlyMap<string, readonly string[]>;
}

const guarded: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

export function snapshotPrototypes(): PrototypeSnapshot {
  return {
    names: new Map(
      guarded.map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]),
    ),
  };
}

/** No built-in prototype gained or lost a key, and a fresh object inherits nothing planted. */
export function expectPrototypesUnpolluted(snapshot: PrototypeSnapshot): void {
  for (const [name, prototype] of guarded) {
    expect(Reflect.ownKeys(prototype).map(String).sort(), name).toEqual(snapshot.names.get(name));
  }
  const fresh: Record<string, unknown> = {};
  expect(fresh[pollutionMarker]).toBeUndefined();
  const inherited: string[] = [];
  for (const key in fresh) inherited.push(key);
  expect(inherited).toEqual([]);
}

export interface ErrorLog {
  readonly logger: Logger;
  /**
   * Lines logged at level error or above since the last call (requests that failed on our side),
   * each as its message and the error it carried.
   */
  take(): string[];
}

/** A real pino logger that keeps error lines (the app logs every unexpected failure there). */
export function createErrorLog(): ErrorLog {
  const errors: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'error' },
    {
      write(line: string): void {
        errors.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  // One line per error: its message and the error it carried, which is what a failure should show.
  return {
    logger,
    take: () =>
      errors
        .splice(0, errors.length)
        .map(
          (entry) => `${String(entry['msg'])} ${JSON.stringify(entry['error'] ?? entry['err'])}`,
        ),
  };
}
