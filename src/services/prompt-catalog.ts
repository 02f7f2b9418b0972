import type { PromptContent, PromptView, RenderResponse } from '../contracts/prompts.js';
import type { Caller } from './caller.js';

/**
 * What the message extension needs from the prompt library. `PromptService` implements it; the
 * bot receives it from the composition root.
 */
export interface PromptCatalog {
  /**
   * Published prompts for the compose box: the caller's job family's best when `text` is empty
   * (the initial run), otherwise ranked search results, a page at a time.
   */
  searchPublished(
    caller: Caller,
    query: { readonly text?: string | undefined; readonly skip: number; readonly count: number },
  ): Promise<{ readonly items: readonly PromptView[]; readonly hasMore: boolean }>;
  /** A prompt the caller may see; `not-found` otherwise. */
  get(caller: Caller, promptId: string): Promise<PromptView>;
  /** Fills `{{variables}}` with the values (defaults for the rest) and lists required ones missing. */
  render(
    caller: Caller,
    promptId: string,
    values: Readonly<Record<string, string>>,
  ): Promise<RenderResponse>;
  /**
   * Records that the caller inserted (or copied) the prompt: an AI-usage event with a deterministic
   * id built from `eventId`, so a retried invoke counts once. Also bumps the prompt's usage count.
   */
  recordUse(
    caller: Caller,
    promptId: string,
    use: { readonly eventId: string; readonly occurredAt: Date; readonly kind: 'insert' | 'copy' },
  ): Promise<{ readonly recorded: boolean }>;
  /** Creates a proposal (status in review) owned by the caller, e.g. from "Save as prompt". */
  propose(
    caller: Caller,
    content: PromptContent,
    source: { readonly kind: 'message' | 'practice'; readonly reference?: string },
  ): Promise<PromptView>;
}

/** Resolves the caller of a bot activity from the roster. */
export interface CallerDirectory {
  callerFor(tenantId: string, userId: string, name?: string): Promise<Caller>;
}
