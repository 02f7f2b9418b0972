import type { Identity } from '../contracts/identity.js';
import type { Person } from '../contracts/people.js';
import { effectiveRoles } from '../domain/roles.js';
import type { Caller } from './caller.js';
import type { CallerDirectory } from './prompt-catalog.js';

export interface IdentityPorts {
  readonly people: {
    findById(tenantId: string, id: string): Promise<{ value: Person } | undefined>;
    findByUpn(tenantId: string, upn: string): Promise<{ value: Person } | undefined>;
  };
  /**
   * Gives a pending roster entry (imported by UPN, before anyone knew the object id) the object id
   * of the person who signs in with that UPN. Without it such entries are not matched at sign-in.
   */
  readonly pending?: {
    claimPending(tenantId: string, objectId: string, upn: string): Promise<Person | undefined>;
  };
}

export interface TokenSubject {
  readonly tenantId: string;
  readonly userId: string;
  readonly appRoles: readonly string[];
  readonly upn?: string | undefined;
  readonly name?: string | undefined;
}

function callerOf(
  tenantId: string,
  userId: string,
  person: Person | undefined,
  appRoles: readonly string[],
  fallback: { upn?: string | undefined; name?: string | undefined },
): Caller {
  const upn = person?.upn ?? fallback.upn;
  const displayName = person?.displayName ?? fallback.name;
  const identity: Identity = {
    tenantId,
    userId,
    roles: effectiveRoles(appRoles, person?.role),
    ...(upn === undefined ? {} : { upn }),
    ...(displayName === undefined ? {} : { displayName }),
  };
  return { identity, jobFamilyId: person?.jobFamilyId, departmentId: person?.departmentId };
}

/**
 * Turns a verified caller into an `Identity`: the roster adds the role an admin assigned; someone
 * not on the roster is a member with whatever app roles their token carries.
 */
export interface IdentityOptions {
  /** How long a roster entry is reused: every request names its caller, few change roles. */
  readonly rosterCacheMs: number;
  readonly clock: () => number;
}

const rosterCacheSize = 20_000;

export class IdentityService implements CallerDirectory {
  private readonly roster = new Map<
    string,
    { readonly at: number; readonly person: Promise<Person | undefined> }
  >();

  constructor(
    private readonly ports: IdentityPorts,
    private readonly options: IdentityOptions = { rosterCacheMs: 0, clock: Date.now },
  ) {}

  async fromToken(subject: TokenSubject): Promise<Caller> {
    const person =
      (await this.person(subject.tenantId, subject.userId)) ?? (await this.claim(subject));
    return callerOf(subject.tenantId, subject.userId, person, subject.appRoles, subject);
  }

  /** Someone not on the roster by object id may be there by the UPN their token carries. */
  private async claim(subject: TokenSubject): Promise<Person | undefined> {
    if (subject.upn === undefined || this.ports.pending === undefined) return undefined;
    const { tenantId, userId, upn } = subject;
    const person = await this.ports.pending.claimPending(tenantId, userId, upn);
    if (person !== undefined) {
      this.roster.set(`${tenantId}\u0000${userId}`, {
        at: this.options.clock(),
        person: Promise.resolve(person),
      });
    }
    return person;
  }

  /** The caller of a bot activity: Teams has already authenticated the user. */
  async callerFor(tenantId: string, userId: string, name?: string): Promise<Caller> {
    const person = await this.person(tenantId, userId);
    return callerOf(tenantId, userId, person, [], { name });
  }

  /** A roster entry, reused for `rosterCacheMs`; a failed read is not kept. */
  private person(tenantId: string, userId: string): Promise<Person | undefined> {
    const key = `${tenantId}\u0000${userId}`;
    const now = this.options.clock();
    const cached = this.roster.get(key);
    if (cached !== undefined && now - cached.at < this.options.rosterCacheMs) return cached.person;
    const person = this.ports.people.findById(tenantId, userId).then((found) => found?.value);
    person.catch(() => this.roster.delete(key));
    this.roster.delete(key);
    if (this.roster.size >= rosterCacheSize) {
      const oldest = this.roster.keys().next().value;
      if (oldest !== undefined) this.roster.delete(oldest);
    }
    this.roster.set(key, { at: now, person });
    return person;
  }

  /** Dev identity names the user by UPN or by id; only reachable outside production. */
  async fromDevHeaders(tenantId: string, user: string): Promise<Caller> {
    const person = user.includes('@')
      ? (await this.ports.people.findByUpn(tenantId, user))?.value
      : await this.person(tenantId, user);
    const userId = person?.id ?? user;
    return callerOf(
      tenantId,
      userId,
      person,
      [],
      user.includes('@') ? { upn: user.toLowerCase() } : {},
    );
  }

  async personOf(identity: Identity): Promise<Person | undefined> {
    return this.person(identity.tenantId, identity.userId);
  }
}
