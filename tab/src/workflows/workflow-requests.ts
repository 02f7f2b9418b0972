import { z } from 'zod';
import {
  workflowTaskViewSchema,
  type WorkflowTaskContent,
  type WorkflowTaskView,
} from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';

export function workflowsPath(departmentId: string): string {
  return departmentId === ''
    ? '/api/workflows'
    : `/api/workflows?department=${encodeURIComponent(departmentId)}`;
}

export function workflowPath(taskId: string): string {
  return `/api/workflows/${encodeURIComponent(taskId)}`;
}

export async function fetchTask(
  client: ApiClient,
  taskId: string,
): Promise<Versioned<WorkflowTaskView>> {
  return client.send('GET', workflowPath(taskId), undefined, workflowTaskViewSchema);
}

export async function createTask(
  client: ApiClient,
  content: WorkflowTaskContent,
): Promise<Versioned<WorkflowTaskView>> {
  return client.send('POST', '/api/workflows', content, workflowTaskViewSchema);
}

/** `PUT` guarded by the ETag of the version the edit started from; a 412 reaches the caller. */
export async function updateTask(
  client: ApiClient,
  base: Versioned<WorkflowTaskView>,
  content: WorkflowTaskContent,
): Promise<Versioned<WorkflowTaskView>> {
  return client.send('PUT', workflowPath(base.value.id), content, workflowTaskViewSchema, {
    ifMatch: base.etag,
  });
}

// A 204 has no body.
const noContentSchema = z.undefined();

export async function deleteTask(
  client: ApiClient,
  base: Versioned<WorkflowTaskView>,
): Promise<void> {
  await client.send('DELETE', workflowPath(base.value.id), undefined, noContentSchema, {
    ifMatch: base.etag,
  });
}

/** Whether the latest version is still the one a person looked at (no one saved since). */
export function unchangedSince(seen: WorkflowTaskView, latest: WorkflowTaskView): boolean {
  return seen.updatedAt === latest.updatedAt && seen.updatedBy === latest.updatedBy;
}
