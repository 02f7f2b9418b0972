import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { rolesText } from './role-labels.js';

/**
 * The line under someone's name: their roles, department and job family. /api/me names the
 * department and job family by id, so the program overview turns them into names when it has them.
 */
export function userDetails(me: MeResponse, overview: ProgramOverview | undefined): string {
  const department = overview?.departments.find((item) => item.id === me.department)?.name;
  const jobFamily = overview?.jobFamilies.find((item) => item.id === me.jobFamily)?.name;
  return [rolesText(me.roles), department ?? me.department, jobFamily ?? me.jobFamily]
    .filter(Boolean)
    .join(' · ');
}
