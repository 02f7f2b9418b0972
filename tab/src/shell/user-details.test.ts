import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { userDetails } from './user-details.js';

const me: MeResponse = {
  tenantId: 'demo',
  userId: 'u1',
  roles: ['member', 'champion'],
  identitySource: 'dev',
  department: 'research-insights',
  jobFamily: 'analysis',
};

const overview: ProgramOverview = {
  departments: [{ id: 'research-insights', name: 'Research and Insights' }],
  jobFamilies: [{ id: 'analysis', name: 'Analysts', description: '' }],
  headcount: 900,
};

describe('userDetails', () => {
  it('should name the department and job family from the program overview', () => {
    expect(userDetails(me, overview)).toBe('AI champion · Research and Insights · Analysts');
  });

  it('should fall back to the ids until the overview is known', () => {
    expect(userDetails(me, undefined)).toBe('AI champion · research-insights · analysis');
  });

  it('should show only the roles of someone without a department or job family', () => {
    expect(
      userDetails(
        { tenantId: 'demo', userId: 'u2', roles: ['lead'], identitySource: 'token' },
        overview,
      ),
    ).toBe('Team lead');
  });
});
