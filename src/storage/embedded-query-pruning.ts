import { createRequire } from 'node:module';

/**
 * The embedded server answers every query by running it over every document of the container, so
 * a query's cost grows with the container, not with what it asks for. Azure Cosmos DB uses its
 * index instead. This gives the embedded server the lookups Lastmile's queries lean on: documents
 * by `type`, by `pk` and by `upn` (sign-in). When a query's WHERE clause requires one of them to be
 * one of some values (`c.type = @type`, `c.pk = 'x'`, `ARRAY_CONTAINS(@pks, c.pk)`, or an OR of
 * those in parentheses, ANDed with the rest), the engine runs over the documents with those
 * values only. The engine still applies the whole clause, so the answer is the same; anything it
 * cannot read that way (a top-level OR, a JOIN) runs over everything, as before.
 */

const indexedFields = ['type', 'pk', 'upn'] as const;
type IndexedField = (typeof indexedFields)[number];

interface Parameter {
  readonly name: string;
  readonly value: unknown;
}

/** The values each indexed field must take for a document to match, where the clause says so. */
export type Requirements = Partial<Record<IndexedField, readonly string[]>>;

/** Splits `text` at a top-level keyword (outside quotes and parentheses), case-insensitively. */
function splitTopLevel(text: string, keyword: 'AND' | 'OR'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  const pattern = new RegExp(`^\\s${keyword}\\s`, 'i');
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && pattern.test(text.slice(index, index + keyword.length + 2))) {
      parts.push(text.slice(start, index));
      start = index + keyword.length + 2;
      index = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/** `( ... )` wrapping the whole text, once, removed. */
function unwrap(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')') depth -= 1;
    if (depth === 0 && index < text.length - 1) return text;
  }
  return text.slice(1, -1).trim();
}

function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

/** One comparison that pins an indexed field: its field and the values it allows. */
function pinned(
  condition: string,
  parameters: ReadonlyMap<string, unknown>,
): [IndexedField, string[]] | undefined {
  const equals = /^c\.(type|pk|upn)\s*=\s*(?:'([^'\\]*)'|(@\w+))$/.exec(condition);
  if (equals !== null) {
    const values =
      equals[2] !== undefined ? [equals[2]] : stringsOf(parameters.get(equals[3] ?? ''));
    if (values?.length === 1) return [equals[1] as IndexedField, values];
    return undefined;
  }
  const contains = /^ARRAY_CONTAINS\(\s*(@\w+)\s*,\s*c\.(type|pk|upn)\s*\)$/i.exec(condition);
  const list = parameters.get(contains?.[1] ?? '');
  if (contains !== null && Array.isArray(list)) {
    const values = stringsOf(list);
    return values === undefined ? undefined : [contains[2] as IndexedField, values];
  }
  return undefined;
}

/** What a query's WHERE clause requires of the indexed fields; empty when it cannot tell. */
export function requirementsOf(query: string, parameterList: readonly Parameter[]): Requirements {
  const shape = /^\s*SELECT\s+[\s\S]+?\s+FROM\s+c\s+WHERE\s+([\s\S]+)$/i.exec(query);
  if (shape?.[1] === undefined) return {};
  const where = shape[1].replace(/\s+(ORDER\s+BY|OFFSET|GROUP\s+BY)\s[\s\S]*$/i, '');
  if (splitTopLevel(where, 'OR').length > 1) return {};
  const parameters = new Map(parameterList.map((parameter) => [parameter.name, parameter.value]));
  const requirements: Requirements = {};
  for (const conjunct of splitTopLevel(where, 'AND')) {
    const options = splitTopLevel(unwrap(conjunct), 'OR').map((part) =>
      pinned(unwrap(part), parameters),
    );
    const field = options[0]?.[0];
    if (field === undefined || options.some((option) => option?.[0] !== field)) continue;
    const values = options.flatMap((option) => option?.[1] ?? []);
    const earlier = requirements[field];
    requirements[field] =
      earlier === undefined ? values : earlier.filter((value) => values.includes(value));
  }
  return requirements;
}

interface StoredItem {
  read(): Record<string, unknown> | undefined;
}

interface ItemsInternals {
  _data: Map<string, StoredItem>;
  _parent: { read(): { indexingPolicy?: { compositeIndexes?: unknown } } | undefined };
  _lookup?: Map<string, Set<string>>;
  _item(keyPath: string, value: string, partition: unknown): StoredItem;
  _getQuery(sql: string): { exec(data: unknown[], options: object): unknown };
  _userDefinedFunctions(): unknown;
  _set(data: Record<string, unknown>): unknown;
  delete(idOrRid: string, partition: unknown): void;
  query(params: { query: string; parameters?: Parameter[] }, options: object): unknown;
}

const lookupKey = (field: IndexedField, value: string): string => `${field}\u0000${value}`;

function lookupOf(items: ItemsInternals): Map<string, Set<string>> {
  if (items._lookup === undefined) {
    items._lookup = new Map();
    for (const [rid, item] of items._data) addToLookup(items._lookup, rid, item.read());
  }
  return items._lookup;
}

function addToLookup(
  lookup: Map<string, Set<string>>,
  rid: string,
  data: Record<string, unknown> | undefined,
): void {
  for (const field of indexedFields) {
    const value = data?.[field];
    if (typeof value !== 'string') continue;
    const key = lookupKey(field, value);
    const rids = lookup.get(key) ?? new Set<string>();
    rids.add(rid);
    lookup.set(key, rids);
  }
}

function removeFromLookup(
  lookup: Map<string, Set<string>>,
  rid: string,
  data: Record<string, unknown> | undefined,
): void {
  for (const field of indexedFields) {
    const value = data?.[field];
    if (typeof value === 'string') lookup.get(lookupKey(field, value))?.delete(rid);
  }
}

/**
 * The smallest candidate set the requirements allow, or undefined for "every document" (also when
 * the set is most of the container, where the plain scan is as quick).
 */
function candidates(items: ItemsInternals, requirements: Requirements): string[] | undefined {
  let best: string[] | undefined;
  for (const field of indexedFields) {
    const values = requirements[field];
    if (values === undefined) continue;
    const lookup = lookupOf(items);
    const rids: string[] = [];
    for (const value of new Set(values)) {
      for (const rid of lookup.get(lookupKey(field, value)) ?? []) rids.push(rid);
    }
    if (best === undefined || rids.length < best.length) best = rids;
  }
  return best !== undefined && best.length * 2 < items._data.size ? best : undefined;
}

let installed = false;

/** Teaches the embedded server's document store the two lookups (once per process). */
export function installQueryPruning(): void {
  if (installed) return;
  installed = true;
  const fromHere = createRequire(import.meta.url);
  const fromServer = createRequire(fromHere.resolve('@vercel/cosmosdb-server'));
  const prototype = (fromServer('./account/items') as { default: { prototype: ItemsInternals } })
    .default.prototype;
  const { _set: set, delete: remove, query } = prototype;

  prototype._set = function (this: ItemsInternals, data) {
    const result = set.call(this, data);
    if (this._lookup !== undefined && typeof data['_rid'] === 'string') {
      addToLookup(this._lookup, data['_rid'], data);
    }
    return result;
  };
  prototype.delete = function (this: ItemsInternals, idOrRid, partition) {
    const data = this._item('/id', idOrRid, partition).read();
    remove.call(this, idOrRid, partition);
    if (this._lookup !== undefined && typeof data?.['_rid'] === 'string') {
      removeFromLookup(this._lookup, data['_rid'], data);
    }
  };
  prototype.query = function (this: ItemsInternals, params, options) {
    const rids = candidates(this, requirementsOf(params.query, params.parameters ?? []));
    if (rids === undefined || this._parent.read() === undefined) {
      return query.call(this, params, options);
    }
    const data: Record<string, unknown>[] = [];
    for (const rid of rids) {
      const document = this._data.get(rid)?.read();
      if (document !== undefined) data.push(document);
    }
    const parent = this._parent.read();
    try {
      return this._getQuery(params.query).exec(data, {
        ...options,
        parameters: params.parameters,
        udf: this._userDefinedFunctions(),
        compositeIndexes: parent?.indexingPolicy?.compositeIndexes ?? [],
      });
    } catch (error) {
      throw Object.assign(error as Error, { badRequest: true });
    }
  };
}
