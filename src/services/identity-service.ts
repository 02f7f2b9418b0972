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
export class IdentityService implements CallerDirectory {
  constructor(private readonly ports: IdentityPorts) {}

  async fromToken(subject: TokenSubject): Promise<Caller> {
    const person = (await this.ports.people.findById(subject.tenantId, subject.userId))?.value;
    return callerOf(subject.tenantId, subject.userId, person, subject.appRoles, subject);
  }

  /** The caller of a bot activity: Teams has already authenticated the user. */
  async callerFor(tenantId: string, userId: string, name?: string): Promise<Caller> {
    const person = (await this.ports.people.findById(tenantId, userId))?.value;
    return callerOf(tenantId, userId, person, [], { name });
  }

  /** Dev identity names the user by UPN or by id; only reachable outside production. */
  async fromDevHeaders(tenantId: string, user: string): Promise<Caller> {
    const person = user.includes('@')
      ? (await this.ports.people.findByUpn(tenantId, user))?.value
      : (await this.ports.people.findById(tenantId, user))?.value;
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
    return (await this.ports.people.findById(identity.tenantId, identity.userId))?.value;
  }
}
