import { analysisPrompts } from './demo-library/prompts-analysis.js';
import { clientManagementPrompts } from './demo-library/prompts-client-management.js';
import { consultingPrompts } from './demo-library/prompts-consulting.js';
import { operationsPrompts } from './demo-library/prompts-operations.js';
import type { DemoPrompt } from './demo-library/types.js';

export type { DemoPrompt, DemoWorkflowTask } from './demo-library/types.js';
export { demoWorkflowTasks } from './demo-library/workflow-tasks.js';

/**
 * The demo firm's shared prompt library, as plain data for the seed. It is split into files by the
 * job family that wrote most of each group only to keep the files readable; many prompts serve two
 * families, as their `jobFamilyIds` say.
 */
export const demoPrompts: readonly DemoPrompt[] = [
  ...consultingPrompts,
  ...analysisPrompts,
  ...clientManagementPrompts,
  ...operationsPrompts,
];
