import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import type { StatusAction } from './prompt-permissions.js';
import { changeStatus } from './prompt-requests.js';

/**
 * Changes a prompt's status from the version the person is looking at. If someone changed it in
 * the meantime, the dialog says so and the drawer shows the latest version to decide on again.
 */
export async function submitStatusChange(
  client: ApiClient,
  prompt: Versioned<PromptView>,
  action: StatusAction,
  note: string,
  onChanged: (next: Versioned<PromptView>) => void,
): Promise<Problem | undefined> {
  try {
    onChanged(await changeStatus(client, prompt, action.to, note));
    return undefined;
  } catch (error) {
    if (error instanceof StaleEditError && error.current !== undefined) {
      onChanged({ value: error.current as PromptView, etag: error.etag });
      return {
        ...error.problem,
        title: 'Someone else changed this prompt',
        detail:
          'Nothing was changed. The prompt now shows their latest version: check it and try again.',
      };
    }
    return toProblem(error);
  }
}
