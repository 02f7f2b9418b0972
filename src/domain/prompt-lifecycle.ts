import type { Identity } from '../contracts/identity.js';
import type { Prompt, PromptStatus } from '../contracts/prompts.js';
import { hasAnyRole } from './roles.js';

/** Champions and admins curate the whole library; owners curate their own prompts. */
export function isCurator(identity: Identity): boolean {
  return hasAnyRole(identity.roles, ['champion', 'admin']);
}

export function isOwner(identity: Identity, prompt: Pick<Prompt, 'ownerId'>): boolean {
  return prompt.ownerId === identity.userId;
}

/** Everyone sees published prompts; other statuses only their owner and curators. */
export function canSee(identity: Identity, prompt: Pick<Prompt, 'ownerId' | 'status'>): boolean {
  return prompt.status === 'published' || isOwner(identity, prompt) || isCurator(identity);
}

export function canEdit(identity: Identity, prompt: Pick<Prompt, 'ownerId'>): boolean {
  return isOwner(identity, prompt) || isCurator(identity);
}

/**
 * Who may take a step: the owner (or a curator), or a reviewer — a curator, or the prompt's owner
 * when someone else proposed it, so nobody publishes their own proposal unreviewed.
 */
type Who = 'owner' | 'reviewer';

const transitions: Readonly<Record<PromptStatus, Partial<Record<PromptStatus, Who>>>> = {
  draft: { 'in-review': 'owner' },
  'in-review': { published: 'reviewer', draft: 'owner' },
  published: { retired: 'owner', 'in-review': 'owner' },
  retired: { published: 'owner' },
};

type LifecyclePrompt = Pick<Prompt, 'ownerId' | 'status' | 'createdBy'>;

export type TransitionCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string; readonly kind: 'invalid' | 'forbidden' };

/**
 * draft → in review (the owner submits), in review → published (a reviewer) or back to draft,
 * published → retired or back to review, retired → published (the owner or a curator).
 */
export function checkTransition(
  identity: Identity,
  prompt: LifecyclePrompt,
  to: PromptStatus,
): TransitionCheck {
  const who = transitions[prompt.status][to];
  if (who === undefined) {
    return {
      allowed: false,
      kind: 'invalid',
      reason: `A ${prompt.status} prompt cannot become ${to}`,
    };
  }
  if (isCurator(identity)) return { allowed: true };
  if (who === 'owner' && isOwner(identity, prompt)) return { allowed: true };
  if (who === 'reviewer' && isOwner(identity, prompt) && prompt.createdBy !== identity.userId) {
    return { allowed: true };
  }
  return {
    allowed: false,
    kind: 'forbidden',
    reason:
      who === 'reviewer'
        ? 'A proposal is published by an AI champion, or by its owner when someone else proposed it'
        : 'Only the prompt owner or an AI champion can do that',
  };
}

/** The statuses a person may move a prompt to from where it is. */
export function nextStatuses(identity: Identity, prompt: LifecyclePrompt): PromptStatus[] {
  return (Object.keys(transitions[prompt.status]) as PromptStatus[]).filter(
    (to) => checkTransition(identity, prompt, to).allowed,
  );
}
