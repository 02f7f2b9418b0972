import type { PromptContent, PromptStatus } from '../../contracts/prompts.js';
import type { WorkflowTaskContent } from '../../contracts/workflows.js';

/** A mapped task of the demo firm; the id is fixed so prompts and lessons can link to it. */
export interface DemoWorkflowTask extends WorkflowTaskContent {
  readonly id: string;
}

/** A prompt of the demo library with the owner who reviews it and, once used, its ratings. */
export interface DemoPrompt extends PromptContent {
  readonly id: string;
  readonly ownerUpn: string;
  readonly status: PromptStatus;
  readonly ratings?: { readonly up: number; readonly down: number };
}
