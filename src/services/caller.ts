import type { Identity } from '../contracts/identity.js';

/**
 * Who is asking, with what the roster says about them: search boosts their job family and the
 * tasks their department mapped. People not on the roster have neither.
 */
export interface Caller {
  readonly identity: Identity;
  readonly jobFamilyId?: string | undefined;
  readonly departmentId?: string | undefined;
}
