import {
  workflowTaskViewSchema,
  type WorkflowTaskContent,
  type WorkflowTaskView,
} from '../../../src/contracts/workflows.js';
import { versionedRequests } from '../common/versioned-requests.js';

export function workflowsPath(departmentId: string): string {
  return departmentId === ''
    ? '/api/workflows'
    : `/api/workflows?department=${encodeURIComponent(departmentId)}`;
}

export const workflowRequests = versionedRequests<WorkflowTaskView, WorkflowTaskContent>(
  '/api/workflows',
  workflowTaskViewSchema,
);

export const {
  path: workflowPath,
  fetchOne: fetchTask,
  create: createTask,
  update: updateTask,
  remove: deleteTask,
} = workflowRequests;
