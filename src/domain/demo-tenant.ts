import type { Role } from '../contracts/identity.js';
import type { Person } from '../contracts/people.js';
import type { Department, JobFamily, ProgramSettings } from '../contracts/program.js';

/**
 * The demo tenant: a 900-person professional-services firm, generated deterministically so that
 * every fresh store, test and screenshot shows the same people.
 */
export const demoTenantId = 'demo';
export const demoHeadcount = 900;

export const demoFixedPeople = {
  champion: {
    upn: 'champion@demo.example',
    id: '00000000-0000-4000-8000-00000000c001',
    displayName: 'Dana Whitfield',
    role: 'champion',
    departmentId: 'research-insights',
    jobFamilyId: 'analysis',
  },
  lead: {
    upn: 'lead@demo.example',
    id: '00000000-0000-4000-8000-00000000c002',
    displayName: 'Leo Marsh',
    role: 'lead',
    departmentId: 'strategy-consulting',
    jobFamilyId: 'consulting',
  },
  member: {
    upn: 'member@demo.example',
    id: '00000000-0000-4000-8000-00000000c003',
    displayName: 'Mia Okafor',
    role: 'member',
    departmentId: 'strategy-consulting',
    jobFamilyId: 'consulting',
  },
} as const satisfies Record<
  string,
  Pick<Person, 'upn' | 'id' | 'displayName' | 'role' | 'departmentId' | 'jobFamilyId'>
>;

/** The program's admin: the first generated person of Finance and Operations (IT sits there). */
export const demoAdminUpn = 'person-748@demo.example';

interface DepartmentPlan {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  /** Job family mix, as weights summing to 10. */
  readonly mix: Readonly<Record<JobFamilyId, number>>;
}

type JobFamilyId = 'consulting' | 'analysis' | 'client-management' | 'operations';

const jobFamilyPlans: readonly { id: JobFamilyId; name: string; description: string }[] = [
  {
    id: 'consulting',
    name: 'Consultants',
    description:
      'Deliver client engagements: proposals, workshops, slide decks, recommendations and status reports.',
  },
  {
    id: 'analysis',
    name: 'Analysts',
    description:
      'Research markets and clients, model data, and turn findings into summaries and charts.',
  },
  {
    id: 'client-management',
    name: 'Client managers',
    description:
      'Own client relationships and pipelines: client emails, meeting notes, pitches and renewals.',
  },
  {
    id: 'operations',
    name: 'Operations and support',
    description:
      'Run the firm: finance, people, IT and office work, policies, reporting and internal communication.',
  },
];

/** Nine departments whose sizes add up to the 900 people, the three fixed people included. */
const departmentPlans: readonly DepartmentPlan[] = [
  {
    id: 'strategy-consulting',
    name: 'Strategy Consulting',
    size: 180,
    mix: { consulting: 6, analysis: 2, 'client-management': 1, operations: 1 },
  },
  {
    id: 'technology-consulting',
    name: 'Technology Consulting',
    size: 160,
    mix: { consulting: 6, analysis: 2, 'client-management': 1, operations: 1 },
  },
  {
    id: 'financial-advisory',
    name: 'Financial Advisory',
    size: 130,
    mix: { consulting: 4, analysis: 4, 'client-management': 1, operations: 1 },
  },
  {
    id: 'risk-compliance',
    name: 'Risk and Compliance',
    size: 110,
    mix: { consulting: 4, analysis: 4, 'client-management': 1, operations: 1 },
  },
  {
    id: 'research-insights',
    name: 'Research and Insights',
    size: 90,
    mix: { consulting: 1, analysis: 7, 'client-management': 1, operations: 1 },
  },
  {
    id: 'client-development',
    name: 'Client Development',
    size: 80,
    mix: { consulting: 1, analysis: 1, 'client-management': 7, operations: 1 },
  },
  {
    id: 'finance-operations',
    name: 'Finance and Operations',
    size: 80,
    mix: { consulting: 0, analysis: 2, 'client-management': 0, operations: 8 },
  },
  {
    id: 'people-talent',
    name: 'People and Talent',
    size: 66,
    mix: { consulting: 0, analysis: 1, 'client-management': 1, operations: 8 },
  },
  {
    // Four partners: smaller than the minimum group size, so the scoreboard withholds its figures.
    id: 'executive-office',
    name: 'Executive Office',
    size: 4,
    mix: { consulting: 6, analysis: 0, 'client-management': 4, operations: 0 },
  },
];

const firstNames = [
  'Aisha',
  'Ben',
  'Carla',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Keira',
  'Luca',
  'Maya',
  'Nikhil',
  'Olivia',
  'Pavel',
  'Quinn',
  'Rosa',
  'Samir',
  'Tessa',
  'Umar',
  'Vera',
  'Wes',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Amara',
  'Bruno',
  'Chloe',
  'Dev',
  'Emil',
  'Fatima',
  'Gabriel',
  'Hana',
  'Isaac',
  'Julia',
  'Kofi',
  'Lena',
  'Marco',
  'Noor',
];

const lastNames = [
  'Adeyemi',
  'Bauer',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  "O'Brien",
  'Patel',
  'Quist',
  'Rossi',
  'Silva',
  'Takahashi',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Abbott',
  'Brennan',
  'Costa',
  'Dalton',
];

export interface DemoTenant {
  readonly settings: ProgramSettings;
  readonly departments: readonly Department[];
  readonly jobFamilies: readonly JobFamily[];
  readonly people: readonly Person[];
}

/** `person-007@demo.example`, the generated people's UPNs. */
export function demoPersonUpn(index: number): string {
  return `person-${String(index).padStart(3, '0')}@demo.example`;
}

export function demoPersonId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

function startOfIsoWeek(date: Date): Date {
  const day = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - (day - 1)),
  );
}

/** Picks the job family for the n-th person of a department so the mix holds in every block of ten. */
function jobFamilyFor(plan: DepartmentPlan, positionInDepartment: number): JobFamilyId {
  let slot = positionInDepartment % 10;
  for (const { id } of jobFamilyPlans) {
    const weight = plan.mix[id];
    if (slot < weight) return id;
    slot -= weight;
  }
  return 'consulting';
}

/** Builds the demo tenant as of `now`: the program started eight weeks before the current ISO week. */
export function buildDemoTenant(now: Date): DemoTenant {
  const timestamp = now.toISOString();
  const programStart = startOfIsoWeek(new Date(now.getTime() - 7 * 7 * 24 * 3600 * 1000));

  const departments: Department[] = departmentPlans.map((plan) => ({
    id: plan.id,
    tenantId: demoTenantId,
    type: 'department',
    name: plan.name,
    createdAt: timestamp,
  }));
  const jobFamilies: JobFamily[] = jobFamilyPlans.map((plan) => ({
    ...plan,
    tenantId: demoTenantId,
    type: 'jobFamily',
    createdAt: timestamp,
  }));

  const people: Person[] = [];
  const fixed = Object.values(demoFixedPeople);
  let generated = 0;
  for (const plan of departmentPlans) {
    const fixedHere = fixed.filter((person) => person.departmentId === plan.id);
    let firstLeadUpn: string | undefined = fixedHere.find((person) => person.role === 'lead')?.upn;
    for (const person of fixedHere) {
      people.push({
        ...person,
        tenantId: demoTenantId,
        type: 'person',
        eligible: true,
        createdAt: timestamp,
        updatedAt: timestamp,
      });
    }
    for (let position = fixedHere.length; position < plan.size; position += 1) {
      generated += 1;
      const index = generated;
      const isProgramAdmin = plan.id === 'finance-operations' && position === fixedHere.length;
      const role: Role = isProgramAdmin ? 'admin' : position % 12 === 0 ? 'lead' : 'member';
      const upn = demoPersonUpn(index);
      const first = firstNames[index % firstNames.length] ?? 'Alex';
      const last = lastNames[Math.floor(index / firstNames.length) % lastNames.length] ?? 'Smith';
      people.push({
        id: demoPersonId(index),
        tenantId: demoTenantId,
        type: 'person',
        upn,
        displayName: `${first} ${last}`,
        departmentId: plan.id,
        jobFamilyId: jobFamilyFor(plan, position),
        role,
        // About one in twenty-five has no AI licence yet, so is not eligible.
        eligible: index % 25 !== 7,
        ...(firstLeadUpn === undefined || role === 'lead' ? {} : { managerUpn: firstLeadUpn }),
        createdAt: timestamp,
        updatedAt: timestamp,
      });
      if (role === 'lead') firstLeadUpn ??= upn;
    }
  }

  const settings: ProgramSettings = {
    id: 'settings',
    tenantId: demoTenantId,
    type: 'settings',
    organisationName: 'Northwind Partners',
    programStart: programStart.toISOString().slice(0, 10),
    wauTargetPct: 70,
    minGroupSize: 5,
    createdAt: timestamp,
    updatedAt: timestamp,
  };

  return { settings, departments, jobFamilies, people };
}
