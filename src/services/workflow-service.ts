import type { Identity } from '../contracts/identity.js';
import {
  maxTasksPerDepartment,
  type WorkflowTask,
  type WorkflowTaskContent,
  type WorkflowTaskView,
} from '../contracts/workflows.js';
import { slugOf } from '../domain/slug.js';
import { AppError, isAppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';

export interface WorkflowPorts {
  readonly workflows: {
    find(tenantId: string, id: string): Promise<{ value: WorkflowTask; etag: string } | undefined>;
    list(tenantId: string, departmentId?: string): Promise<{ value: WorkflowTask; etag: string }[]>;
    countInDepartment(tenantId: string, departmentId: string): Promise<number>;
    create(task: WorkflowTask): Promise<{ value: WorkflowTask; etag: string }>;
    replace(task: WorkflowTask, etag: string): Promise<{ value: WorkflowTask; etag: string }>;
    delete(tenantId: string, id: string, etag: string): Promise<void>;
  };
  readonly departments: { exists(tenantId: string, departmentId: string): Promise<boolean> };
  /** How many published prompts link to each task. */
  readonly promptCounts: { countsByTask(tenantId: string): Promise<ReadonlyMap<string, number>> };
}

export interface WorkflowServiceOptions {
  readonly newId: () => string;
  readonly now: () => Date;
  /** How long a department's mapped task ids are reused for search boosts. */
  readonly taskCacheMs: number;
  readonly clock: () => number;
}

/** Workflow mapping: each team maps three to five tasks before AI enters them. */
export class WorkflowService {
  private readonly taskCache = new Map<
    string,
    { readonly at: number; readonly ids: Promise<ReadonlySet<string>> }
  >();

  constructor(
    private readonly ports: WorkflowPorts,
    private readonly options: WorkflowServiceOptions,
  ) {}

  async list(identity: Identity, departmentId?: string): Promise<WorkflowTaskView[]> {
    const [tasks, counts] = await Promise.all([
      this.ports.workflows.list(identity.tenantId, departmentId),
      this.ports.promptCounts.countsByTask(identity.tenantId),
    ]);
    return tasks.map(({ value, etag }) => this.view(value, etag, counts.get(value.id) ?? 0));
  }

  async get(identity: Identity, id: string): Promise<WorkflowTaskView> {
    const found = await this.ports.workflows.find(identity.tenantId, id);
    if (found === undefined) throw new AppError('not-found', `Workflow task ${id} was not found`);
    const counts = await this.ports.promptCounts.countsByTask(identity.tenantId);
    return this.view(found.value, found.etag, counts.get(id) ?? 0);
  }

  async create(
    identity: Identity,
    content: WorkflowTaskContent,
    options: { readonly id?: string } = {},
  ): Promise<WorkflowTaskView> {
    this.requireMapper(identity);
    await this.requireDepartment(identity.tenantId, content.departmentId);
    const mapped = await this.ports.workflows.countInDepartment(
      identity.tenantId,
      content.departmentId,
    );
    if (mapped >= maxTasksPerDepartment) {
      throw new AppError(
        'conflict',
        `This department has mapped ${String(maxTasksPerDepartment)} tasks already; focus on those or remove one first`,
      );
    }
    const now = this.options.now().toISOString();
    const created = await this.ports.workflows.create({
      ...content,
      id: options.id ?? `${slugOf(content.name, 'task')}-${this.options.newId().slice(0, 6)}`,
      tenantId: identity.tenantId,
      type: 'workflowTask',
      createdAt: now,
      createdBy: identity.userId,
      updatedAt: now,
      updatedBy: identity.userId,
    });
    this.taskCache.delete(`${identity.tenantId}\u0000${content.departmentId}`);
    return this.view(created.value, created.etag, 0);
  }

  async update(
    identity: Identity,
    id: string,
    content: WorkflowTaskContent,
    etag: string,
  ): Promise<WorkflowTaskView> {
    this.requireMapper(identity);
    const current = await this.ports.workflows.find(identity.tenantId, id);
    if (current === undefined) throw new AppError('not-found', `Workflow task ${id} was not found`);
    if (content.departmentId !== current.value.departmentId) {
      await this.requireDepartment(identity.tenantId, content.departmentId);
    }
    if (current.etag !== etag) throw await this.lostRace(identity, current);
    const replaced = await this.ports.workflows
      .replace(
        {
          ...current.value,
          ...content,
          updatedAt: this.options.now().toISOString(),
          updatedBy: identity.userId,
        },
        etag,
      )
      .catch(async (error: unknown) => {
        if (!isAppError(error, 'precondition-failed')) throw error;
        const latest = await this.ports.workflows.find(identity.tenantId, id);
        throw latest === undefined ? error : await this.lostRace(identity, latest);
      });
    this.taskCache.clear();
    const counts = await this.ports.promptCounts.countsByTask(identity.tenantId);
    return this.view(replaced.value, replaced.etag, counts.get(id) ?? 0);
  }

  async delete(identity: Identity, id: string, etag: string): Promise<void> {
    this.requireMapper(identity);
    const current = await this.ports.workflows.find(identity.tenantId, id);
    if (current === undefined) throw new AppError('not-found', `Workflow task ${id} was not found`);
    if (current.etag !== etag) throw await this.lostRace(identity, current);
    await this.ports.workflows.delete(identity.tenantId, id, etag);
    this.taskCache.clear();
  }

  /** The tasks a department mapped, cached briefly: search asks on every keystroke. */
  taskIdsOf(tenantId: string, departmentId: string): Promise<ReadonlySet<string>> {
    const key = `${tenantId}\u0000${departmentId}`;
    const cached = this.taskCache.get(key);
    if (cached !== undefined && this.options.clock() - cached.at < this.options.taskCacheMs)
      return cached.ids;
    const ids = this.ports.workflows
      .list(tenantId, departmentId)
      .then((tasks): ReadonlySet<string> => new Set(tasks.map((task) => task.value.id)));
    ids.catch(() => this.taskCache.delete(key));
    this.taskCache.set(key, { at: this.options.clock(), ids });
    return ids;
  }

  private async lostRace(
    identity: Identity,
    latest: { value: WorkflowTask; etag: string },
  ): Promise<AppError> {
    const counts = await this.ports.promptCounts.countsByTask(identity.tenantId);
    return new AppError(
      'precondition-failed',
      'Someone else changed this task; here is the latest version',
      {
        current: {
          value: this.view(latest.value, latest.etag, counts.get(latest.value.id) ?? 0),
          etag: latest.etag,
        },
      },
    );
  }

  private requireMapper(identity: Identity): void {
    if (!hasAnyRole(identity.roles, ['lead', 'champion', 'admin'])) {
      throw new AppError('forbidden', 'Team leads, AI champions and admins map workflows');
    }
  }

  private async requireDepartment(tenantId: string, departmentId: string): Promise<void> {
    if (!(await this.ports.departments.exists(tenantId, departmentId))) {
      throw new AppError('invalid', `There is no department ${departmentId}`, {
        fieldErrors: [{ field: 'departmentId', message: 'must be one of the program departments' }],
      });
    }
  }

  private view(task: WorkflowTask, etag: string, promptCount: number): WorkflowTaskView {
    const { tenantId: _tenant, type: _type, ...rest } = task;
    return { ...rest, etag, promptCount };
  }
}
