import { type Role, roles } from '../contracts/identity.js';

/** Entra app role values (aad.manifest.json) and the roles they grant. */
const appRoleToRole: Readonly<Record<string, Role>> = {
  Champion: 'champion',
  Lead: 'lead',
  Admin: 'admin',
  Member: 'member',
};

/**
 * Everyone is a member; on top come the roles of the token's app roles and the role an admin
 * assigned on the roster. Returned in the canonical order of `roles`.
 */
export function effectiveRoles(
  tokenAppRoles: readonly string[],
  rosterRole: Role | undefined,
): Role[] {
  const granted = new Set<Role>(['member']);
  for (const appRole of tokenAppRoles) {
    const role = appRoleToRole[appRole];
    if (role !== undefined) granted.add(role);
  }
  if (rosterRole !== undefined) granted.add(rosterRole);
  return roles.filter((role) => granted.has(role));
}

export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => held.includes(role));
}
