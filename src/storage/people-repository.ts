import type { Container } from '@azure/cosmos';
import { type Person, personSchema } from '../contracts/people.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Page, type ReplaceOutcome, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/** Above this many names, `listByUpns` and `listByIds` read the tenant's whole roster once. */
const wholeRosterThreshold = 2_000;
const wholeRosterLimit = 500_000;

/** The roster: people of each tenant, keyed by their Entra object id. */
export class PeopleRepository {
  private readonly repository: CosmosRepository<Person>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.repository = new CosmosRepository(container, {
      name: 'people',
      type: 'person',
      schema: personSchema,
      partitionKeyOf: (person) => person.tenantId,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  async findById(tenantId: string, id: string): Promise<Versioned<Person> | undefined> {
    return this.repository.find({ tenantId }, id);
  }

  async findByUpn(tenantId: string, upn: string): Promise<Versioned<Person> | undefined> {
    const page = await this.repository.query(
      { tenantId },
      { where: 'c.upn = @upn', parameters: [{ name: '@upn', value: upn.toLowerCase() }] },
      { maxItemCount: 1 },
    );
    return page.items[0];
  }

  /** People whose name or UPN contains the text, by name, a page at a time. */
  async search(
    tenantId: string,
    query: {
      readonly text?: string | undefined;
      readonly limit: number;
      readonly continuationToken?: string | undefined;
    },
  ): Promise<Page<Versioned<Person>>> {
    const text = query.text?.trim().toLowerCase() ?? '';
    return this.repository.query(
      { tenantId },
      text === ''
        ? { orderBy: 'c.displayName' }
        : {
            where: 'CONTAINS(LOWER(c.displayName), @text) OR CONTAINS(c.upn, @text)',
            parameters: [{ name: '@text', value: text }],
            orderBy: 'c.displayName',
          },
      { maxItemCount: query.limit, continuationToken: query.continuationToken },
    );
  }

  async count(tenantId: string): Promise<number> {
    return this.repository.count({ tenantId });
  }

  /** The whole roster, refusing more than `limit` people. */
  async listAll(tenantId: string, limit: number): Promise<Person[]> {
    return (await this.repository.queryAll({ tenantId }, {}, limit)).map((entry) => entry.value);
  }

  /** People of a department, and how many of them are eligible: the roster's headcount. */
  async countDepartment(
    tenantId: string,
    departmentId: string,
  ): Promise<{ people: number; eligible: number }> {
    const parameters = [{ name: '@departmentId', value: departmentId }];
    const [people, eligible] = await Promise.all([
      this.repository.count({ tenantId }, { where: 'c.departmentId = @departmentId', parameters }),
      this.repository.count(
        { tenantId },
        { where: 'c.departmentId = @departmentId AND c.eligible = true', parameters },
      ),
    ]);
    return { people, eligible };
  }

  /** The people among the given ids (Entra object ids); at most 1,000 per call. */
  async findManyByIds(tenantId: string, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    return (
      await this.repository.queryAll(
        { tenantId },
        { where: 'ARRAY_CONTAINS(@ids, c.id)', parameters: [{ name: '@ids', value: [...ids] }] },
        ids.length,
      )
    ).map((entry) => entry.value);
  }

  /** The people among the given UPNs (lower case); at most 1,000 per call. */
  async findManyByUpns(tenantId: string, upns: readonly string[]): Promise<Person[]> {
    if (upns.length === 0) return [];
    return (
      await this.repository.queryAll(
        { tenantId },
        {
          where: 'ARRAY_CONTAINS(@upns, c.upn)',
          parameters: [{ name: '@upns', value: [...upns] }],
        },
        upns.length,
      )
    ).map((entry) => entry.value);
  }

  /** People of a department, a page at a time (the champion's drill-down). */
  async listDepartment(tenantId: string, departmentId: string, limit: number): Promise<Person[]> {
    return (
      await this.repository.queryAll(
        { tenantId },
        {
          where: 'c.departmentId = @departmentId',
          parameters: [{ name: '@departmentId', value: departmentId }],
          orderBy: 'c.displayName',
        },
        limit,
      )
    ).map((entry) => entry.value);
  }

  /** Leads of a department: whom a coaching nudge goes to. */
  async listLeads(tenantId: string, departmentId: string): Promise<Person[]> {
    return (
      await this.repository.queryAll(
        { tenantId },
        {
          where: "c.departmentId = @departmentId AND c.role = 'lead'",
          parameters: [{ name: '@departmentId', value: departmentId }],
        },
        200,
      )
    ).map((entry) => entry.value);
  }

  async create(person: Person): Promise<Versioned<Person>> {
    return this.repository.create(person);
  }

  async replace(person: Person, etag: string): Promise<Versioned<Person>> {
    return this.repository.replace(person, etag);
  }

  async createMany(people: readonly Person[]): Promise<{ created: number; existing: number }> {
    return this.repository.createMany(people);
  }

  /** The people with these UPNs (lower case), in queries of up to 1,000 names. */
  async listByUpns(tenantId: string, upns: readonly string[]): Promise<Versioned<Person>[]> {
    return this.listWhereIn(tenantId, 'c.upn', upns);
  }

  async listByIds(tenantId: string, ids: readonly string[]): Promise<Versioned<Person>[]> {
    return this.listWhereIn(tenantId, 'c.id', ids);
  }

  /** Each entry replaced only if its ETag still matches; every entry gets its own outcome. */
  async replaceMany(
    entries: readonly { readonly document: Person; readonly etag: string }[],
  ): Promise<ReplaceOutcome<Person>[]> {
    return this.repository.replaceMany(entries);
  }

  async delete(tenantId: string, id: string, etag?: string): Promise<void> {
    await this.repository.delete({ tenantId }, id, etag === undefined ? {} : { etag });
  }

  private async listWhereIn(
    tenantId: string,
    path: 'c.upn' | 'c.id',
    values: readonly string[],
  ): Promise<Versioned<Person>[]> {
    const unique = [...new Set(values)];
    if (unique.length >= wholeRosterThreshold) {
      // A large import names much of the roster: one read of it beats many large IN queries,
      // which the embedded server answers by scanning the container once per query.
      const wanted = new Set(unique);
      const all = await this.repository.queryAll({ tenantId }, {}, wholeRosterLimit);
      return all.filter((entry) => wanted.has(path === 'c.upn' ? entry.value.upn : entry.value.id));
    }
    const found: Versioned<Person>[] = [];
    for (let start = 0; start < unique.length; start += 1000) {
      const chunk = unique.slice(start, start + 1000);
      found.push(
        ...(await this.repository.queryAll(
          { tenantId },
          {
            where: `ARRAY_CONTAINS(@values, ${path})`,
            parameters: [{ name: '@values', value: chunk }],
          },
          chunk.length,
        )),
      );
    }
    return found;
  }
}
