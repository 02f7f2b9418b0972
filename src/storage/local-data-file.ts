import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';

export type StoredDocument = Readonly<Record<string, unknown>> & { readonly id: string };

/** What the repositories report after each acknowledged write, so local mode can persist it. */
export interface WriteJournal {
  recordWrite(container: string, partitionKey: string, document: StoredDocument): void;
  recordDelete(container: string, partitionKey: string, id: string): void;
}

interface DataFileLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

interface DataFileContents {
  readonly format: 'lastmile-local-store';
  readonly version: 1;
  readonly containers: Readonly<Record<string, readonly StoredDocument[]>>;
  /** False while the app runs, true once it closed: false at a start means it crashed. */
  readonly closedCleanly?: boolean;
}

const systemProperties = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

function withoutSystemProperties(document: StoredDocument): StoredDocument {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (!systemProperties.has(key)) copy[key] = value;
  }
  return copy as StoredDocument;
}

function parseContents(text: string, filePath: string): DataFileContents {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `The local data file ${filePath} is not valid JSON; move it aside to start empty`,
      {
        cause: error,
      },
    );
  }
  const contents = parsed as Partial<DataFileContents> | null;
  if (
    contents?.format !== 'lastmile-local-store' ||
    contents.version !== 1 ||
    typeof contents.containers !== 'object'
  ) {
    throw new Error(`The local data file ${filePath} is not a Lastmile local store (version 1)`);
  }
  return contents as DataFileContents;
}

/**
 * The embedded Cosmos server keeps data in memory only. This mirror of every acknowledged write is
 * saved to one JSON file, atomically (temp file, fsync, rename), shortly after writes and on close,
 * and loaded at start. Documents are kept as JSON text, so a save joins texts rather than serialising.
 */
export class LocalDataFile implements WriteJournal {
  /** Each document kept as its JSON text: a save joins texts instead of serialising the store. */
  private readonly partitions = new Map<string, Map<string, string>>();
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> | undefined;
  private closed = false;
  private lastSaveMs = 0;
  /** Whether the file on disk says the app is running (so a clean close must say otherwise). */
  private fileSaysRunning = false;
  private crashed = false;

  private constructor(
    readonly filePath: string,
    private readonly logger: DataFileLogger,
    private readonly flushDelayMs: number,
  ) {}

  /** Opens (or prepares) the data file; a corrupt file stops the start rather than being overwritten. */
  static async open(
    filePath: string,
    options: { readonly logger: DataFileLogger; readonly flushDelayMs?: number },
  ): Promise<LocalDataFile> {
    const file = new LocalDataFile(filePath, options.logger, options.flushDelayMs ?? 200);
    await mkdir(path.dirname(filePath), { recursive: true });
    let text: string | undefined;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      const contents = parseContents(text, filePath);
      file.crashed = contents.closedCleanly === false;
      file.fileSaysRunning = file.crashed;
      for (const [container, documents] of Object.entries(contents.containers)) {
        for (const document of documents) file.put(container, partitionKeyOf(document), document);
      }
      options.logger.info({ filePath, documents: file.size() }, 'loaded the local data file');
    }
    return file;
  }

  /**
   * Whether the file was last written by a run that did not close (a crash or `kill -9`): it then
   * holds what was saved up to a moment, which may be in the middle of a request's writes.
   */
  get recoveredAfterCrash(): boolean {
    return this.crashed;
  }

  /** Every stored document by container, for loading into a fresh embedded server. */
  documentsByContainer(): Map<string, StoredDocument[]> {
    const result = new Map<string, StoredDocument[]>();
    for (const [key, documents] of this.partitions) {
      const container = key.slice(0, key.indexOf('\u0000'));
      const list = result.get(container) ?? [];
      for (const text of documents.values()) list.push(JSON.parse(text) as StoredDocument);
      result.set(container, list);
    }
    return result;
  }

  size(): number {
    let count = 0;
    for (const documents of this.partitions.values()) count += documents.size;
    return count;
  }

  recordWrite(container: string, partitionKey: string, document: StoredDocument): void {
    this.put(container, partitionKey, withoutSystemProperties(document));
    this.scheduleSave();
  }

  recordDelete(container: string, partitionKey: string, id: string): void {
    const key = partitionMapKey(container, partitionKey);
    if (this.partitions.get(key)?.delete(id) === true) {
      this.dirty = true;
      this.scheduleSave();
    }
  }

  /** Writes everything recorded so far to disk; resolves once it is durable. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.saving !== undefined) await this.saving;
    if (!this.dirty) return;
    this.saving = this.save().finally(() => {
      this.saving = undefined;
    });
    await this.saving;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.fileSaysRunning) this.dirty = true;
    await this.flush();
  }

  private put(container: string, partitionKey: string, document: StoredDocument): void {
    const key = partitionMapKey(container, partitionKey);
    let documents = this.partitions.get(key);
    if (documents === undefined) {
      documents = new Map();
      this.partitions.set(key, documents);
    }
    documents.set(document.id, JSON.stringify(document));
    this.dirty = true;
  }

  private scheduleSave(): void {
    if (this.closed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => {
        this.logger.error(
          { err: error, filePath: this.filePath },
          'saving the local data file failed',
        );
        this.scheduleSave();
      });
    }, this.nextSaveDelayMs());
    this.timer.unref();
  }

  /**
   * The file is rewritten whole, so a large store saved every 200 ms would spend its time saving.
   * The wait grows with the last save's duration, capped at a second: what the README says a
   * crash can lose.
   */
  private nextSaveDelayMs(): number {
    return Math.min(maxSaveDelayMs, Math.max(this.flushDelayMs, 3 * this.lastSaveMs));
  }

  private async save(): Promise<void> {
    this.dirty = false;
    const started = performance.now();
    try {
      await this.writeFile();
      this.lastSaveMs = performance.now() - started;
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  private async writeFile(): Promise<void> {
    const byContainer = new Map<string, string[]>();
    for (const [key, documents] of this.partitions) {
      if (documents.size === 0) continue;
      const container = key.slice(0, key.indexOf('\u0000'));
      const chunks = byContainer.get(container) ?? [];
      chunks.push([...documents.values()].join(','));
      byContainer.set(container, chunks);
    }
    const containers = [...byContainer]
      .map(([container, chunks]) => `${JSON.stringify(container)}:[${chunks.join(',')}]`)
      .join(',');
    const closedCleanly = this.closed;
    const text = `{"format":"lastmile-local-store","version":1,"closedCleanly":${String(closedCleanly)},"containers":{${containers}}}\n`;

    const temporary = `${this.filePath}.${String(process.pid)}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.filePath);
    this.fileSaysRunning = !closedCleanly;
  }
}

const maxSaveDelayMs = 1_000;

function partitionMapKey(container: string, partitionKey: string): string {
  return `${container}\u0000${partitionKey}`;
}

/** Lastmile documents carry their partition key as `pk` or, in tenant containers, `tenantId`. */
function partitionKeyOf(document: StoredDocument): string {
  const value = document['pk'] ?? document['tenantId'];
  return typeof value === 'string' ? value : '';
}
