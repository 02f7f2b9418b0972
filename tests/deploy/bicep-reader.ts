/**
 * Reads a Bicep file well enough to test infra/azure.bicep without the Bicep compiler, a .NET tool
 * that CI cannot download: the top-level declarations (`param`, `var`, `resource`, `output`, ...),
 * the entries of object and array literals, string literals with their `${...}` interpolations,
 * and the value of an expression once sample values stand in for what only Azure knows.
 *
 * It is a reader, not a compiler: it checks that brackets, strings and comments are well formed
 * (a `BicepSyntaxError` names the line otherwise) and leaves type checking to `bicep build`.
 */

export class BicepSyntaxError extends Error {
  override readonly name = 'BicepSyntaxError';
}

export class BicepEvaluationError extends Error {
  override readonly name = 'BicepEvaluationError';
}

interface Range {
  readonly start: number;
  readonly end: number;
}

interface StringSpan extends Range {
  /** The code of each `${...}`, without the `${` and `}`. */
  readonly interpolations: Range[];
  readonly multiline: boolean;
}

interface Scan {
  /** The text with every comment blanked out (newlines kept), so slices of it are comment-free. */
  readonly code: string;
  /**
   * `code` with the characters of string literals blanked out too, except the code inside `${...}`:
   * brackets, commas and colons left in it are syntax, never text.
   */
  readonly masked: string;
  readonly strings: readonly StringSpan[];
}

const closerOf: Readonly<Record<string, string>> = { '{': '}', '[': ']', '(': ')' };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text[index] === '\n') line += 1;
  }
  return line;
}

function scan(source: string): Scan {
  const code = source.split('');
  const masked = source.split('');
  const strings: StringSpan[] = [];
  const blank = (from: number, to: number, keepNewlines: boolean, alsoCode: boolean): void => {
    for (let index = from; index < to; index += 1) {
      if (keepNewlines && source[index] === '\n') continue;
      masked[index] = ' ';
      if (alsoCode) code[index] = ' ';
    }
  };
  const fail = (message: string, offset: number): never => {
    throw new BicepSyntaxError(`${message} at line ${lineAt(source, offset)}`);
  };

  // Returns the offset just past the closing quote.
  const scanString = (start: number): number => {
    const span: StringSpan = { start, end: -1, interpolations: [], multiline: false };
    let index = start + 1;
    while (index < source.length) {
      const char = source[index];
      if (char === '\\') {
        blank(index, index + 2, false, false);
        index += 2;
        continue;
      }
      if (char === "'") {
        strings.push({ ...span, end: index + 1 });
        return index + 1;
      }
      if (char === '\n') fail('A string does not end on its line', start);
      if (char === '$' && source[index + 1] === '{') {
        // The `{` and its `}` stay in the masked text, so brackets keep balancing.
        blank(index, index + 1, false, false);
        const close = scanCode(index + 2, true);
        span.interpolations.push({ start: index + 2, end: close });
        index = close + 1;
        continue;
      }
      blank(index, index + 1, false, false);
      index += 1;
    }
    return fail('A string does not end', start);
  };

  // Scans code up to the end of the text, or, inside `${...}`, up to the `}` that ends it, whose
  // offset it returns.
  const scanCode = (start: number, insideInterpolation: boolean): number => {
    const open: { readonly char: string; readonly offset: number }[] = [];
    let index = start;
    while (index < source.length) {
      const char = source[index] ?? '';
      if (source.startsWith('//', index)) {
        const end = source.indexOf('\n', index);
        const stop = end === -1 ? source.length : end;
        blank(index, stop, true, true);
        index = stop;
        continue;
      }
      if (source.startsWith('/*', index)) {
        const end = source.indexOf('*/', index + 2);
        if (end === -1) fail('A comment does not end', index);
        blank(index, end + 2, true, true);
        index = end + 2;
        continue;
      }
      if (source.startsWith("'''", index)) {
        const end = source.indexOf("'''", index + 3);
        if (end === -1) fail('A multi-line string does not end', index);
        blank(index + 3, end, false, false);
        strings.push({ start: index, end: end + 3, interpolations: [], multiline: true });
        index = end + 3;
        continue;
      }
      if (char === "'") {
        index = scanString(index);
        continue;
      }
      if (char in closerOf) {
        open.push({ char, offset: index });
      } else if (char === '}' || char === ']' || char === ')') {
        const last = open.pop();
        if (last === undefined) {
          if (insideInterpolation && char === '}') return index;
          fail(`An unmatched ${char}`, index);
        } else if (closerOf[last.char] !== char) {
          fail(
            `The ${last.char} of line ${lineAt(source, last.offset)} is closed by ${char}`,
            index,
          );
        }
      }
      index += 1;
    }
    if (insideInterpolation) fail('An interpolation does not end', start);
    const unclosed = open.at(-1);
    if (unclosed !== undefined) fail(`An unclosed ${unclosed.char}`, unclosed.offset);
    return index;
  };

  scanCode(0, false);
  strings.sort((a, b) => a.start - b.start);
  return { code: code.join(''), masked: masked.join(''), strings };
}

/**
 * Splits `text` where `isSeparator` says so, outside brackets and strings, and returns the trimmed,
 * non-empty pieces.
 */
function splitTopLevel(text: string, isSeparator: (char: string) => boolean): string[] {
  const { code, masked } = scan(text);
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < masked.length; index += 1) {
    const char = masked[index] ?? '';
    if (char in closerOf) depth += 1;
    else if (char === '}' || char === ']' || char === ')') depth -= 1;
    else if (depth === 0 && isSeparator(char)) {
      pieces.push(code.slice(from, index));
      from = index + 1;
    }
  }
  pieces.push(code.slice(from));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/** The offset of the first character that `matches` outside brackets and strings, or -1. */
function indexAtTopLevel(
  text: string,
  matches: (masked: string, index: number) => boolean,
): number {
  const { masked } = scan(text);
  let depth = 0;
  for (let index = 0; index < masked.length; index += 1) {
    const char = masked[index] ?? '';
    if (depth === 0 && matches(masked, index)) return index;
    if (char in closerOf) depth += 1;
    else if (char === '}' || char === ']' || char === ')') depth -= 1;
  }
  return -1;
}

const isAssignment = (masked: string, index: number): boolean =>
  masked[index] === '=' &&
  !'=!<>'.includes(masked[index - 1] ?? '') &&
  !'=~>'.includes(masked[index + 1] ?? '');

/** The text inside the outer brackets of `text`, which must open with `open` and close with its pair. */
function inside(text: string, open: '{' | '['): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith(open) || !trimmed.endsWith(closerOf[open] ?? '')) return undefined;
  // The outer pair must enclose everything: `{ a } + { b }` is not one object.
  return outerPairEnclosesAll(trimmed) ? trimmed.slice(1, -1) : undefined;
}

/** Whether the bracket that opens `text` closes only at its last character. */
function outerPairEnclosesAll(text: string): boolean {
  const { masked } = scan(text);
  let depth = 0;
  for (let index = 0; index < masked.length - 1; index += 1) {
    const char = masked[index] ?? '';
    if (char in closerOf) depth += 1;
    else if (char === '}' || char === ']' || char === ')') depth -= 1;
    if (depth === 0) return false;
  }
  return true;
}

/** Whether `text` is an object literal `{ ... }`. */
export function isObjectLiteral(text: string): boolean {
  return inside(text, '{') !== undefined;
}

/**
 * The entries of an object literal, in order, keys unquoted; values are expression texts. Returns
 * undefined when `text` is not an object literal.
 */
export function objectEntries(text: string): Map<string, string> | undefined {
  const body = inside(text, '{');
  if (body === undefined) return undefined;
  const entries = new Map<string, string>();
  for (const entry of splitTopLevel(body, (char) => char === '\n' || char === ',')) {
    const colon = indexAtTopLevel(entry, (masked, index) => masked[index] === ':');
    if (colon === -1) throw new BicepSyntaxError(`An object entry without a key: ${entry}`);
    const rawKey = entry.slice(0, colon).trim();
    const key = /^[A-Za-z_$][\w$]*$/.test(rawKey) ? rawKey : stringLiteral(rawKey);
    if (key === undefined)
      throw new BicepSyntaxError(`An object key that is not a name: ${rawKey}`);
    if (entries.has(key)) throw new BicepSyntaxError(`The key ${key} appears twice`);
    entries.set(key, entry.slice(colon + 1).trim());
  }
  return entries;
}

/** The items of an array literal; undefined when `text` is not one. */
export function arrayItems(text: string): string[] | undefined {
  const body = inside(text, '[');
  if (body === undefined) return undefined;
  return splitTopLevel(body, (char) => char === '\n' || char === ',');
}

/** The value at a dotted path of nested object literals, e.g. `['properties', 'siteConfig']`. */
export function propertyAt(text: string, path: readonly string[]): string | undefined {
  let current: string | undefined = text;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = objectEntries(current)?.get(key);
  }
  return current;
}

export type StringPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expression'; readonly expression: string };

function unescape(text: string): string {
  return text.replace(/\\(u\{[0-9A-Fa-f]+\}|.)/g, (_whole, escaped: string) => {
    if (escaped.startsWith('u{'))
      return String.fromCodePoint(Number.parseInt(escaped.slice(2, -1), 16));
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      '\\': '\\',
      "'": "'",
      $: '$',
    };
    const value = simple[escaped];
    if (value === undefined) throw new BicepSyntaxError(`An unknown escape \\${escaped}`);
    return value;
  });
}

/**
 * The literal text and `${...}` expressions of a string literal, in order; undefined when `text` is
 * not exactly one string literal.
 */
export function stringParts(text: string): StringPart[] | undefined {
  const trimmed = text.trim();
  const { strings } = scan(trimmed);
  const span = strings.find((candidate) => candidate.start === 0);
  if (span?.end !== trimmed.length) return undefined;
  if (span.multiline) return [{ kind: 'text', text: trimmed.slice(3, -3) }];
  const parts: StringPart[] = [];
  let from = 1;
  for (const interpolation of span.interpolations) {
    parts.push({ kind: 'text', text: unescape(trimmed.slice(from, interpolation.start - 2)) });
    parts.push({
      kind: 'expression',
      expression: trimmed.slice(interpolation.start, interpolation.end),
    });
    from = interpolation.end + 1;
  }
  parts.push({ kind: 'text', text: unescape(trimmed.slice(from, -1)) });
  return parts.filter((part) => part.kind === 'expression' || part.text !== '');
}

/** The value of a string literal without interpolation; undefined for anything else. */
export function stringLiteral(text: string): string | undefined {
  const parts = stringParts(text);
  if (parts === undefined) return undefined;
  if (parts.some((part) => part.kind === 'expression')) return undefined;
  return parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}

/** The arguments of a call `name(a, b)`; undefined when `text` is not a call of `name`. */
export function callArguments(text: string, name: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith(`${name}(`) || !trimmed.endsWith(')')) return undefined;
  const argumentsText = trimmed.slice(name.length);
  if (!outerPairEnclosesAll(argumentsText)) return undefined;
  return splitTopLevel(argumentsText.slice(1, -1), (char) => char === ',');
}

/** The parts of `condition ? whenTrue : whenFalse`; undefined when `text` is not a conditional. */
export function conditional(
  text: string,
):
  | { readonly condition: string; readonly whenTrue: string; readonly whenFalse: string }
  | undefined {
  const question = indexAtTopLevel(
    text,
    (masked, index) =>
      masked[index] === '?' &&
      masked[index + 1] !== '?' &&
      masked[index + 1] !== '.' &&
      masked[index - 1] !== '?',
  );
  if (question === -1) return undefined;
  const rest = text.slice(question + 1);
  const colon = indexAtTopLevel(rest, (masked, index) => masked[index] === ':');
  if (colon === -1) return undefined;
  return {
    condition: text.slice(0, question).trim(),
    whenTrue: rest.slice(0, colon).trim(),
    whenFalse: rest.slice(colon + 1).trim(),
  };
}

/**
 * The symbols an expression refers to: names outside string text (inside `${...}` they count),
 * not property names after a dot, not object keys.
 */
export function referencedNames(text: string): Set<string> {
  const { masked } = scan(text);
  const names = new Set<string>();
  for (const match of masked.matchAll(/[A-Za-z_][\w]*/g)) {
    const before = masked.slice(0, match.index).trimEnd();
    const after = masked.slice(match.index + match[0].length).trimStart();
    if (before.endsWith('.')) continue;
    // An object key: a name followed by a colon that is not the `:` of a conditional.
    if (after.startsWith(':') && /(^|[{,\n])\s*$/.test(masked.slice(0, match.index))) continue;
    names.add(match[0]);
  }
  return names;
}

export type DeclarationKeyword = 'param' | 'var' | 'resource' | 'output' | 'module' | 'other';

export interface BicepDeclaration {
  readonly keyword: DeclarationKeyword;
  /** The symbolic name; for `other`, the statement's first word (`targetScope`, `metadata`, ...). */
  readonly name: string;
  /** Each `@decorator(...)` written above it. */
  readonly decorators: readonly string[];
  /** `param`/`output`: the type; `resource`: `Type@apiVersion`; `module`: the path. */
  readonly type: string;
  /** The expression after `=`; undefined for a parameter without a default. */
  readonly value: string | undefined;
  /** `resource ... existing`: a reference to a resource deployed elsewhere. */
  readonly existing: boolean;
  /** The whole statement, comments removed. */
  readonly text: string;
}

export interface BicepFile {
  readonly declarations: readonly BicepDeclaration[];
  readonly params: ReadonlyMap<string, BicepDeclaration>;
  readonly vars: ReadonlyMap<string, BicepDeclaration>;
  readonly resources: ReadonlyMap<string, BicepDeclaration>;
  readonly outputs: ReadonlyMap<string, BicepDeclaration>;
}

function afterAssignment(text: string): {
  readonly head: string;
  readonly value: string | undefined;
} {
  const equals = indexAtTopLevel(text, isAssignment);
  if (equals === -1) return { head: text.trim(), value: undefined };
  return { head: text.slice(0, equals).trim(), value: text.slice(equals + 1).trim() };
}

function parseDeclaration(statement: string, decorators: readonly string[]): BicepDeclaration {
  const keyword = /^[A-Za-z_]\w*/.exec(statement)?.[0] ?? '';
  const { head, value } = afterAssignment(statement);
  const words = /^(\w+)\s+([A-Za-z_]\w*)\s*([\s\S]*)$/.exec(head);
  const base = { decorators, value, text: statement, existing: false };
  switch (keyword) {
    case 'param':
    case 'output':
    case 'var': {
      if (words === null) throw new BicepSyntaxError(`A ${keyword} without a name: ${statement}`);
      const type = words[3]?.trim() ?? '';
      if (keyword === 'output' && value === undefined) {
        throw new BicepSyntaxError(`The output ${words[2] ?? ''} has no value`);
      }
      if (keyword === 'var' && (value === undefined || type !== '')) {
        throw new BicepSyntaxError(`The var ${words[2] ?? ''} is not \`var name = value\``);
      }
      return { ...base, keyword, name: words[2] ?? '', type };
    }
    case 'resource':
    case 'module': {
      const rest = words?.[3]?.trim() ?? '';
      const target = /^'([^']*)'\s*(existing)?$/.exec(rest);
      if (words === null || target === null || value === undefined) {
        throw new BicepSyntaxError(
          `A ${keyword} that is not \`${keyword} name '...' = ...\`: ${head}`,
        );
      }
      return {
        ...base,
        keyword,
        name: words[2] ?? '',
        type: target[1] ?? '',
        existing: target[2] !== undefined,
      };
    }
    default:
      return { ...base, keyword: 'other', name: keyword, type: '' };
  }
}

/** Reads the top-level declarations of a Bicep file; throws `BicepSyntaxError` when malformed. */
export function readBicep(source: string): BicepFile {
  const { code } = scan(source);
  const declarations: BicepDeclaration[] = [];
  let decorators: string[] = [];
  for (const statement of splitTopLevel(code, (char) => char === '\n')) {
    if (statement.startsWith('@')) {
      decorators.push(statement);
      continue;
    }
    declarations.push(parseDeclaration(statement, decorators));
    decorators = [];
  }
  if (decorators.length > 0)
    throw new BicepSyntaxError(`Decorators with no declaration: ${decorators.join(' ')}`);

  const byKeyword = (keyword: DeclarationKeyword): Map<string, BicepDeclaration> => {
    const found = new Map<string, BicepDeclaration>();
    for (const declaration of declarations.filter((candidate) => candidate.keyword === keyword)) {
      if (found.has(declaration.name)) {
        throw new BicepSyntaxError(`The ${keyword} ${declaration.name} is declared twice`);
      }
      found.set(declaration.name, declaration);
    }
    return found;
  };
  return {
    declarations,
    params: byKeyword('param'),
    vars: byKeyword('var'),
    resources: byKeyword('resource'),
    outputs: byKeyword('output'),
  };
}

/** A resource's type without its API version, e.g. `Microsoft.Web/sites`. */
export function resourceType(resource: BicepDeclaration): string {
  return resource.type.split('@')[0] ?? '';
}

/**
 * The object literal that describes a resource, and the loop that repeats it when it is declared
 * `[for item in source: { ... }]`.
 */
export function resourceBody(resource: BicepDeclaration): {
  readonly body: string;
  readonly loop: { readonly item: string; readonly source: string } | undefined;
} {
  let value = resource.value ?? '';
  let loop: { readonly item: string; readonly source: string } | undefined;
  const items = inside(value, '[');
  if (items !== undefined) {
    const colon = indexAtTopLevel(items, (masked, index) => masked[index] === ':');
    const head = /^\s*for\s+([A-Za-z_]\w*)\s+in\s+([\s\S]+)$/.exec(
      items.slice(0, Math.max(colon, 0)),
    );
    if (colon === -1 || head === null)
      throw new BicepSyntaxError(`A resource array that is not a loop: ${resource.name}`);
    loop = { item: head[1] ?? '', source: (head[2] ?? '').trim() };
    value = items.slice(colon + 1);
  }
  if (/^\s*if\s*\(/.test(value)) {
    // `if (condition) { ... }`: the object is the first brace outside the condition's parentheses.
    value = value.slice(indexAtTopLevel(value, (masked, index) => masked[index] === '{'));
  }
  if (!isObjectLiteral(value))
    throw new BicepSyntaxError(`The resource ${resource.name} is not an object`);
  return { body: value.trim(), loop };
}

/** What only Azure knows, for `evaluate`. */
export interface SampleValues {
  /** Parameter values as the deployment passes them; a parameter not here takes its default. */
  readonly parameters: ReadonlyMap<string, string>;
  /** A resource's runtime property by `<type> <path>`, e.g. `Microsoft.Web/sites properties.defaultHostName`. */
  readonly resourceProperties: ReadonlyMap<string, string>;
  /** Deployment functions by their text, e.g. `tenant().tenantId`. */
  readonly expressions: ReadonlyMap<string, string>;
}

/**
 * The string an expression yields at deployment, with sample values standing in for parameters,
 * deployment functions and resource properties. Knows string interpolation, parameters, variables,
 * a resource's `name`, `toLower`, `take` and `subscriptionResourceId`; anything else throws `BicepEvaluationError`, so a test never passes on an
 * expression it could not read.
 */
export function evaluate(file: BicepFile, expression: string, samples: SampleValues): string {
  const text = expression.trim();
  const parts = stringParts(text);
  if (parts !== undefined) {
    return parts
      .map((part) => (part.kind === 'text' ? part.text : evaluate(file, part.expression, samples)))
      .join('');
  }
  if (/^(-?\d+|true|false)$/.test(text)) return text;
  const known = samples.expressions.get(text);
  if (known !== undefined) return known;
  const parameter = file.params.get(text);
  if (parameter !== undefined) {
    const value = samples.parameters.get(text);
    if (value !== undefined) return value;
    if (parameter.value === undefined) {
      throw new BicepEvaluationError(`The parameter ${text} has no value and no default`);
    }
    return evaluate(file, parameter.value, samples);
  }
  const variable = file.vars.get(text);
  if (variable?.value !== undefined) return evaluate(file, variable.value, samples);
  const member = /^([A-Za-z_]\w*)\.([\w.]+)$/.exec(text);
  const resource = member === null ? undefined : file.resources.get(member[1] ?? '');
  if (member !== null && resource !== undefined) {
    const value = samples.resourceProperties.get(`${resourceType(resource)} ${member[2] ?? ''}`);
    if (value !== undefined) return value;
    // A resource's name is known before deployment: the one its body gives.
    const name =
      member[2] === 'name' ? propertyAt(resourceBody(resource).body, ['name']) : undefined;
    if (name !== undefined) return evaluate(file, name, samples);
  }
  const lower = callArguments(text, 'toLower');
  if (lower?.length === 1) return evaluate(file, lower[0] ?? '', samples).toLowerCase();
  const take = callArguments(text, 'take');
  if (take?.length === 2) {
    return evaluate(file, take[0] ?? '', samples).slice(
      0,
      Number(evaluate(file, take[1] ?? '', samples)),
    );
  }
  const subscriptionResource = callArguments(text, 'subscriptionResourceId');
  if (subscriptionResource !== undefined && subscriptionResource.length >= 2) {
    const [type = '', ...names] = subscriptionResource.map((argument) =>
      evaluate(file, argument, samples),
    );
    const subscription = evaluate(file, 'subscription().subscriptionId', samples);
    return `/subscriptions/${subscription}/providers/${type}/${names.join('/')}`;
  }
  throw new BicepEvaluationError(`No sample value for the expression ${text}`);
}
