import type { Container } from '@azure/cosmos';
import { type WorkflowTask, workflowTaskSchema } from '../contracts/workflows.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

const listLimit = 5000;

/** Mapped workflow tasks, in the `program` container beside departments and job families. */
export class WorkflowRepository {
  private readonly tasks: CosmosRepository<WorkflowTask>;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.tasks = new CosmosRepository(container, {
      name: 'program',
      type: 'workflowTask',
      schema: workflowTaskSchema,
      partitionKeyOf: (task) => task.tenantId,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  async find(tenantId: string, id: string): Promise<Versioned<WorkflowTask> | undefined> {
    return this.tasks.find({ tenantId }, id);
  }

  async list(tenantId: string, departmentId?: string): Promise<Versioned<WorkflowTask>[]> {
    return this.tasks.queryAll(
      { tenantId },
      departmentId === undefined
        ? { orderBy: 'c.name' }
        : {
            where: 'c.departmentId = @department',
            parameters: [{ name: '@department', value: departmentId }],
            orderBy: 'c.name',
          },
      listLimit,
    );
  }

  async countInDepartment(tenantId: string, departmentId: string): Promise<number> {
    return this.tasks.count(
      { tenantId },
      {
        where: 'c.departmentId = @department',
        parameters: [{ name: '@department', value: departmentId }],
      },
    );
  }

  async create(task: WorkflowTask): Promise<Versioned<WorkflowTask>> {
    return this.tasks.create(task);
  }

  async replace(task: WorkflowTask, etag: string): Promise<Versioned<WorkflowTask>> {
    return this.tasks.replace(task, etag);
  }

  async delete(tenantId: string, id: string, etag: string): Promise<void> {
    await this.tasks.delete({ tenantId }, id, { etag });
  }
}
