import type { MeResponse } from '../../../src/contracts/identity.js';
import type { PromptStatus, PromptView } from '../../../src/contracts/prompts.js';

export interface StatusAction {
  readonly to: PromptStatus;
  readonly label: string;
  /** What happens, for the confirmation and the button's description. */
  readonly explanation: string;
  readonly noteLabel: string;
}

type Wording = Omit<StatusAction, 'to'>;
type Step = `${PromptStatus}>${PromptStatus}`;

const optionalNote = 'Note (optional)';

// Words only: who may take which step is the server's answer in `permissions.statuses`.
const wordings: Readonly<Partial<Record<Step, Wording>>> = {
  'draft>in-review': {
    label: 'Submit for review',
    explanation: 'The library owner reviews it before anyone else can use it.',
    noteLabel: optionalNote,
  },
  'in-review>published': {
    label: 'Publish',
    explanation: 'Everyone can find and use it in the library and the message extension.',
    noteLabel: optionalNote,
  },
  'in-review>draft': {
    label: 'Send back',
    explanation: 'It returns to its owner as a draft, with your note.',
    noteLabel: 'Note for the owner',
  },
  'published>in-review': {
    label: 'Reopen for review',
    explanation: 'It leaves the library until it is published again.',
    noteLabel: optionalNote,
  },
  'published>retired': {
    label: 'Retire',
    explanation: 'It leaves the library; its history stays and it can be restored.',
    noteLabel: optionalNote,
  },
  'retired>published': {
    label: 'Restore',
    explanation: 'It returns to the library as it was when retired.',
    noteLabel: optionalNote,
  },
};

// Taking back one's own proposal is not sending it back to someone.
const withdrawal: Wording = {
  label: 'Withdraw',
  explanation: 'It leaves the review queue and becomes your draft again.',
  noteLabel: optionalNote,
};

export const statusLabels: Readonly<Record<PromptStatus, string>> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
  retired: 'Retired',
};

function wordingFor(
  viewer: Pick<MeResponse, 'userId'>,
  prompt: Pick<PromptView, 'ownerId' | 'status'>,
  to: PromptStatus,
): Wording {
  if (prompt.status === 'in-review' && to === 'draft' && prompt.ownerId === viewer.userId) {
    return withdrawal;
  }
  return (
    wordings[`${prompt.status}>${to}`] ?? {
      label: `Mark as ${statusLabels[to].toLowerCase()}`,
      explanation: `It becomes ${statusLabels[to].toLowerCase()}.`,
      noteLabel: optionalNote,
    }
  );
}

/** A button for each status the server says this viewer may move the prompt to, in its order. */
export function statusActions(
  viewer: Pick<MeResponse, 'userId'>,
  prompt: Pick<PromptView, 'ownerId' | 'status' | 'permissions'>,
): StatusAction[] {
  return prompt.permissions.statuses.map((to) => ({ to, ...wordingFor(viewer, prompt, to) }));
}
