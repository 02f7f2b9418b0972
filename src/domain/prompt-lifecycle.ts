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

/** Whether the owner may take a step alone, or it needs a curator (or the owner of a published prompt). */
type Who = 'owner' | 'reviewer';

const transitions: Readonly<Record<PromptStatus, Partial<Record<PromptStatus, Who>>>> = {
  draft: { 'in-review': 'owner' },
  'in-review': { published: 'reviewer', draft: 'reviewer' },
  published: { retired: 'reviewer', 'in-review': 'reviewer' },
  retired: { published: 'reviewer' },
};

export type TransitionCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string; readonly kind: 'invalid' | 'forbidden' };

/**
 * draft → in review (the owner submits), in review → published or back to draft, published →
 * retired or back to review, retired → published. Reviewers are the prompt's owner and curators.
 */
export function checkTransition(
  identity: Identity,
  prompt: Pick<Prompt, 'ownerId' | 'status'>,
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
  if (who === 'owner' && (isOwner(identity, prompt) || isCurator(identity)))
    return { allowed: true };
  if (who === 'reviewer' && (isOwner(identity, prompt) || isCurator(identity)))
    return { allowed: true };
  return {
    allowed: false,
    kind: 'forbidden',
    reason: 'Only the prompt owner or an AI champion can do that',
  };
}

/** The statuses a person may move a prompt to from where it is. */
export function nextStatuses(
  identity: Identity,
  prompt: Pick<Prompt, 'ownerId' | 'status'>,
): PromptStatus[] {
  return (Object.keys(transitions[prompt.status]) as PromptStatus[]).filter(
    (to) => checkTransition(identity, prompt, to).allowed,
  );
}
