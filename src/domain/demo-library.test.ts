import { describe, expect, it } from 'vitest';
import { promptContentSchema, variableNamePattern } from '../contracts/prompts.js';
import { maxTasksPerDepartment, workflowTaskContentSchema } from '../contracts/workflows.js';
import { demoPrompts, demoWorkflowTasks } from './demo-library.js';
import { buildDemoTenant } from './demo-tenant.js';

const tenant = buildDemoTenant(new Date('2026-11-26T00:00:00Z'));
const departmentIds = new Set(tenant.departments.map((department) => department.id));
const jobFamilyIds = new Set(tenant.jobFamilies.map((family) => family.id));
const peopleByUpn = new Map(tenant.people.map((person) => [person.upn, person]));
const taskIds = new Set(demoWorkflowTasks.map((task) => task.id));
const published = demoPrompts.filter((prompt) => prompt.status === 'published');
const slug = /^[a-z0-9][a-z0-9-]*$/;

/** The names a body uses as `{{name}}`, tolerating the spaces a renderer would also accept. */
function placeholders(body: string): Set<string> {
  return new Set([...body.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((match) => match[1] ?? ''));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

describe('demoWorkflowTasks', () => {
  it('should parse every task with the workflow task schema, unchanged', () => {
    for (const { id, ...content } of demoWorkflowTasks) {
      const parsed = workflowTaskContentSchema.safeParse(content);
      expect(parsed.success, id).toBe(true);
      expect(parsed.data, id).toEqual(content);
    }
  });

  it('should give every task a unique lowercase dashed id of at most 64 characters', () => {
    expect(new Set(demoWorkflowTasks.map((task) => task.id)).size).toBe(demoWorkflowTasks.length);
    for (const task of demoWorkflowTasks) {
      expect(task.id).toMatch(slug);
      expect(task.id.length).toBeLessThanOrEqual(64);
    }
  });

  it('should map three to five tasks in every department of the demo tenant but its partners', () => {
    // The Executive Office (four partners) maps no team workflow of its own.
    for (const departmentId of [...departmentIds].filter((id) => id !== 'executive-office')) {
      const count = demoWorkflowTasks.filter((task) => task.departmentId === departmentId).length;
      expect(count, departmentId).toBeGreaterThanOrEqual(3);
      expect(count, departmentId).toBeLessThanOrEqual(maxTasksPerDepartment);
    }
  });

  it('should name only departments and job families that exist in the demo tenant', () => {
    for (const task of demoWorkflowTasks) {
      expect(departmentIds.has(task.departmentId), task.id).toBe(true);
      expect(task.jobFamilyIds.length, task.id).toBeGreaterThan(0);
      for (const family of task.jobFamilyIds) expect(jobFamilyIds.has(family), task.id).toBe(true);
    }
  });

  it('should map each task fully: 4 to 8 steps, handoffs, 2 to 4 frictions, 2 to 3 AI openings', () => {
    for (const task of demoWorkflowTasks) {
      expect(task.steps.length, task.id).toBeGreaterThanOrEqual(4);
      expect(task.steps.length, task.id).toBeLessThanOrEqual(8);
      for (const step of task.steps) expect(step.actor, task.id).toBeTruthy();
      expect(task.handoffs.length, task.id).toBeGreaterThan(0);
      for (const handoff of task.handoffs) expect(handoff.fromRole).not.toBe(handoff.toRole);
      expect(task.frictionPoints.length, task.id).toBeGreaterThanOrEqual(2);
      expect(task.frictionPoints.length, task.id).toBeLessThanOrEqual(4);
      expect(task.aiOpportunities.length, task.id).toBeGreaterThanOrEqual(2);
      expect(task.aiOpportunities.length, task.id).toBeLessThanOrEqual(3);
    }
  });
});

describe('demoPrompts', () => {
  it('should parse every prompt with the prompt content schema, unchanged', () => {
    for (const {
      id,
      ownerUpn: _owner,
      status: _status,
      ratings: _ratings,
      ...content
    } of demoPrompts) {
      const parsed = promptContentSchema.safeParse(content);
      expect(parsed.success, id).toBe(true);
      expect(parsed.data, id).toEqual(content);
    }
  });

  it('should give every prompt a unique p- id of at most 64 characters', () => {
    expect(new Set(demoPrompts.map((prompt) => prompt.id)).size).toBe(demoPrompts.length);
    for (const prompt of demoPrompts) {
      expect(prompt.id).toMatch(/^p-[a-z0-9-]+$/);
      expect(prompt.id.length).toBeLessThanOrEqual(64);
    }
  });

  it('should hold at least 64 prompts with 60 published and some in review, draft and retired', () => {
    const count = (status: string): number =>
      demoPrompts.filter((prompt) => prompt.status === status).length;
    expect(demoPrompts.length).toBeGreaterThanOrEqual(64);
    expect(published.length).toBeGreaterThanOrEqual(60);
    expect(count('in-review')).toBeGreaterThanOrEqual(3);
    expect(count('draft')).toBeGreaterThanOrEqual(1);
    expect(count('retired')).toBeGreaterThanOrEqual(1);
  });

  it('should serve every job family with at least 16 prompts, naming only families that exist', () => {
    for (const prompt of demoPrompts) {
      expect(prompt.jobFamilyIds.length, prompt.id).toBeGreaterThanOrEqual(1);
      expect(prompt.jobFamilyIds.length, prompt.id).toBeLessThanOrEqual(2);
      for (const family of prompt.jobFamilyIds)
        expect(jobFamilyIds.has(family), prompt.id).toBe(true);
    }
    for (const family of jobFamilyIds) {
      const count = demoPrompts.filter((prompt) => prompt.jobFamilyIds.includes(family)).length;
      expect(count, family).toBeGreaterThanOrEqual(16);
    }
  });

  it('should link every prompt to one or two mapped tasks that exist', () => {
    for (const prompt of demoPrompts) {
      expect(prompt.taskIds.length, prompt.id).toBeGreaterThanOrEqual(1);
      expect(prompt.taskIds.length, prompt.id).toBeLessThanOrEqual(2);
      for (const taskId of prompt.taskIds) expect(taskIds.has(taskId), prompt.id).toBe(true);
    }
  });

  it('should give every mapped task at least one published prompt', () => {
    for (const taskId of taskIds) {
      expect(
        published.some((prompt) => prompt.taskIds.includes(taskId)),
        taskId,
      ).toBe(true);
    }
  });

  it('should be owned by a lead, champion or admin on the demo roster', () => {
    for (const prompt of demoPrompts) {
      const owner = peopleByUpn.get(prompt.ownerUpn);
      expect(owner, prompt.id).toBeDefined();
      expect(['lead', 'champion', 'admin'], prompt.id).toContain(owner?.role);
    }
  });

  it('should declare exactly the variables its body uses, with valid names and descriptions', () => {
    for (const prompt of demoPrompts) {
      const declared = prompt.variables.map((variable) => variable.name);
      expect(new Set(declared).size, prompt.id).toBe(declared.length);
      expect(declared.length, prompt.id).toBeGreaterThanOrEqual(1);
      expect(declared.length, prompt.id).toBeLessThanOrEqual(5);
      expect(placeholders(prompt.body), prompt.id).toEqual(new Set(declared));
      for (const variable of prompt.variables) {
        expect(variable.name, prompt.id).toMatch(variableNamePattern);
        expect(variable.name, prompt.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(variable.description.length, prompt.id).toBeGreaterThan(0);
      }
    }
  });

  it('should mix required variables with optional ones that have defaults', () => {
    const variables = demoPrompts.flatMap((prompt) => prompt.variables);
    expect(variables.some((variable) => variable.default !== undefined)).toBe(true);
    expect(variables.some((variable) => !variable.required)).toBe(true);
  });

  it('should keep bodies between 60 and 250 words', () => {
    for (const prompt of demoPrompts) {
      const words = wordCount(prompt.body);
      expect(words, prompt.id).toBeGreaterThanOrEqual(60);
      expect(words, prompt.id).toBeLessThanOrEqual(250);
    }
  });

  it('should tag prompts in lowercase', () => {
    for (const prompt of demoPrompts) {
      expect(prompt.tags.length, prompt.id).toBeGreaterThan(0);
      for (const tag of prompt.tags) expect(tag, prompt.id).toBe(tag.toLowerCase());
    }
  });

  it('should give ratings only to prompts that have been published', () => {
    for (const prompt of demoPrompts.filter((candidate) => candidate.ratings !== undefined)) {
      expect(['published', 'retired'], prompt.id).toContain(prompt.status);
    }
  });

  it('should mention "proposal" in at least five published prompts, for the search demo', () => {
    const mentions = published.filter((prompt) =>
      `${prompt.title} ${prompt.body}`.toLowerCase().includes('proposal'),
    );
    expect(mentions.length).toBeGreaterThanOrEqual(5);
  });
});
