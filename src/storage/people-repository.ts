import type { Container } from '@azure/cosmos';
import { type Person, personSchema } from '../contracts/people.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Page, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

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

  async create(person: Person): Promise<Versioned<Person>> {
    return this.repository.create(person);
  }

  async replace(person: Person, etag: string): Promise<Versioned<Person>> {
    return this.repository.replace(person, etag);
  }

  async createMany(people: readonly Person[]): Promise<{ created: number; existing: number }> {
    return this.repository.createMany(people);
  }
}
