import { describe, expect, it } from 'vitest';
import { personSchema } from '../contracts/people.js';
import {
  buildDemoTenant,
  demoAdminUpn,
  demoFixedPeople,
  demoHeadcount,
  demoPersonUpn,
} from './demo-tenant.js';

const now = new Date('2026-11-26T09:00:00Z');

describe('buildDemoTenant', () => {
  const tenant = buildDemoTenant(now);

  it('should have 900 people with unique ids and UPNs, all valid', () => {
    expect(tenant.people).toHaveLength(demoHeadcount);
    expect(new Set(tenant.people.map((person) => person.id)).size).toBe(demoHeadcount);
    expect(new Set(tenant.people.map((person) => person.upn)).size).toBe(demoHeadcount);
    for (const person of tenant.people) expect(personSchema.safeParse(person).success).toBe(true);
  });

  it('should include the three fixed people of the contract with their object ids and roles', () => {
    for (const fixed of Object.values(demoFixedPeople)) {
      const person = tenant.people.find((candidate) => candidate.upn === fixed.upn);
      expect(person).toMatchObject({ id: fixed.id, role: fixed.role });
    }
    expect(demoFixedPeople.champion.id).toBe('00000000-0000-4000-8000-00000000c001');
  });

  it('should number the rest person-001 to person-897', () => {
    const generated = tenant.people.filter((person) => person.upn.startsWith('person-'));
    expect(generated).toHaveLength(897);
    expect(generated.map((person) => person.upn)).toContain(demoPersonUpn(1));
    expect(generated.map((person) => person.upn)).toContain('person-897@demo.example');
  });

  it('should spread people over 9 departments and 4 job families that exist', () => {
    expect(tenant.departments).toHaveLength(9);
    expect(tenant.jobFamilies).toHaveLength(4);
    const departmentIds = new Set(tenant.departments.map((department) => department.id));
    const jobFamilyIds = new Set(tenant.jobFamilies.map((family) => family.id));
    for (const person of tenant.people) {
      expect(departmentIds.has(person.departmentId)).toBe(true);
      expect(jobFamilyIds.has(person.jobFamilyId)).toBe(true);
    }
    // Every department is a real team, but for the Executive Office: four partners, smaller than
    // the minimum group size, so the scoreboard shows that it withholds small groups.
    for (const department of tenant.departments) {
      const size = tenant.people.filter((person) => person.departmentId === department.id).length;
      if (department.id === 'executive-office') expect(size).toBe(4);
      else expect(size).toBeGreaterThan(50);
    }
  });

  it('should give the firm one admin, leads in every department and managers that exist', () => {
    const admins = tenant.people.filter((person) => person.role === 'admin');
    expect(admins.map((person) => person.upn)).toEqual([demoAdminUpn]);
    for (const department of tenant.departments) {
      expect(
        tenant.people.some(
          (person) => person.departmentId === department.id && person.role === 'lead',
        ),
      ).toBe(true);
    }
    const upns = new Set(tenant.people.map((person) => person.upn));
    for (const person of tenant.people) {
      if (person.managerUpn !== undefined) expect(upns.has(person.managerUpn)).toBe(true);
    }
  });

  it('should be the same every time for the same day', () => {
    expect(buildDemoTenant(now)).toEqual(tenant);
  });

  it('should start the program on the Monday seven weeks before the current week', () => {
    expect(tenant.settings.programStart).toBe('2026-10-05');
    expect(new Date(`${tenant.settings.programStart}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});
