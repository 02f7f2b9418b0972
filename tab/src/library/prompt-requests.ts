import {
  promptViewSchema,
  renderResponseSchema,
  type CreatePromptRequest,
  type PromptContent,
  type PromptStatus,
  type PromptView,
  type RatingValue,
  type RenderResponse,
} from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { sameContent } from './prompt-draft.js';

export function promptPath(promptId: string): string {
  return `/api/prompts/${encodeURIComponent(promptId)}`;
}

export function versionsPath(promptId: string): string {
  return `${promptPath(promptId)}/versions`;
}

export function diffPath(promptId: string, from: number, to: number): string {
  return `${promptPath(promptId)}/diff?from=${from}&to=${to}`;
}

export const reviewQueuePath = '/api/prompts/review-queue';

export async function fetchPrompt(
  client: ApiClient,
  promptId: string,
): Promise<Versioned<PromptView>> {
  return client.send('GET', promptPath(promptId), undefined, promptViewSchema);
}

/**
 * Sends an edit guarded by `If-Match`. When the only thing that changed since is what no one
 * writes (usage and rating counters), the edit is sent once more on the latest ETag: it cannot
 * overwrite anyone's words. Any other 412 reaches the caller, with the latest version.
 */
async function guarded(
  base: Versioned<PromptView>,
  unaffected: (current: PromptView) => boolean,
  send: (etag: string | undefined) => Promise<Versioned<PromptView>>,
): Promise<Versioned<PromptView>> {
  try {
    return await send(base.etag);
  } catch (error) {
    if (!(error instanceof StaleEditError) || error.etag === undefined) throw error;
    const current = error.current as PromptView | undefined;
    if (current === undefined || !unaffected(current)) throw error;
    return send(error.etag);
  }
}

/** `PUT /api/prompts/:id`: a new version of the content, from the version `base` was read at. */
export async function savePrompt(
  client: ApiClient,
  base: Versioned<PromptView>,
  content: PromptContent,
  note: string,
): Promise<Versioned<PromptView>> {
  const body = note.trim() === '' ? content : { ...content, note: note.trim() };
  return guarded(
    base,
    (current) => sameContent(current, base.value),
    (etag) =>
      client.send('PUT', promptPath(base.value.id), body, promptViewSchema, { ifMatch: etag }),
  );
}

/** `POST /api/prompts/:id/status`, from the version the person looked at. */
export async function changeStatus(
  client: ApiClient,
  base: Versioned<PromptView>,
  status: PromptStatus,
  note: string,
): Promise<Versioned<PromptView>> {
  const body = note.trim() === '' ? { status } : { status, note: note.trim() };
  // A reviewer publishes what they read: any change of words or status since is theirs to see.
  return guarded(
    base,
    (current) => current.status === base.value.status && sameContent(current, base.value),
    (etag) =>
      client.send('POST', `${promptPath(base.value.id)}/status`, body, promptViewSchema, {
        ifMatch: etag,
      }),
  );
}

export async function ratePrompt(
  client: ApiClient,
  promptId: string,
  value: RatingValue,
  reason: string,
): Promise<Versioned<PromptView>> {
  const body = reason.trim() === '' ? { value } : { value, reason: reason.trim() };
  return client.send('POST', `${promptPath(promptId)}/ratings`, body, promptViewSchema);
}

export async function renderPrompt(
  client: ApiClient,
  promptId: string,
  values: Readonly<Record<string, string>>,
  record: boolean,
): Promise<RenderResponse> {
  const filled = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  const sent = await client.send(
    'POST',
    `${promptPath(promptId)}/render`,
    { values: filled, record },
    renderResponseSchema,
  );
  return sent.value;
}

export async function proposePrompt(
  client: ApiClient,
  content: PromptContent,
  submit: boolean,
): Promise<Versioned<PromptView>> {
  const body: CreatePromptRequest = { ...content, submit };
  return client.send('POST', '/api/prompts', body, promptViewSchema);
}
