import type { Role } from '../../../src/contracts/identity.js';

const singular: Readonly<Record<Role, string>> = {
  member: 'Member',
  lead: 'Team lead',
  champion: 'AI champion',
  admin: 'Admin',
};

const plural: Readonly<Record<Role, string>> = {
  member: 'members',
  lead: 'team leads',
  champion: 'AI champions',
  admin: 'admins',
};

export function roleLabel(role: Role): string {
  return singular[role];
}

/** "AI champion, Admin" for a badge line; "Member" only when it is the sole role. */
export function rolesText(roles: readonly Role[]): string {
  const shown = roles.some((role) => role !== 'member')
    ? roles.filter((role) => role !== 'member')
    : roles;
  return shown.map(roleLabel).join(', ');
}

/** "AI champions and admins", for sentences about who may open a page. */
export function audienceText(roles: readonly Role[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(
    roles.map((role) => plural[role]),
  );
}
