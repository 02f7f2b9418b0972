import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from './problem-message-bar.js';
import {
  unchangedSince,
  type EditableDocument,
  type VersionedRequests,
} from './versioned-requests.js';

/** What the page that opens a delete dialog hears back. */
export interface DeleteDialogCallbacks {
  readonly onDeleted: () => void;
  /** The document changed since the list loaded: the list should show the latest. */
  readonly onStale: () => void;
  readonly onClose: () => void;
}

export interface ConfirmDeleteDialogProps<
  V extends EditableDocument,
> extends DeleteDialogCallbacks {
  readonly client: ApiClient;
  /** The document as the list showed it. */
  readonly item: V;
  /** Its name in the title: Delete “name”? */
  readonly name: string;
  readonly requests: Pick<VersionedRequests<V, never>, 'fetchOne' | 'remove'>;
  /** What deleting it does, and what it leaves. */
  readonly consequence: string;
  /** "Delete the lesson". */
  readonly confirmLabel: string;
  /** Shown when someone saved the document since the list loaded; nothing is deleted then. */
  readonly staleProblem: Problem;
}

/** Deletes a document only if it is still the version the person looked at. */
export function ConfirmDeleteDialog<V extends EditableDocument>({
  client,
  item,
  name,
  requests,
  consequence,
  confirmLabel,
  staleProblem,
  onDeleted,
  onStale,
  onClose,
}: ConfirmDeleteDialogProps<V>): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const fail = (failure: Problem, stale: boolean): void => {
    setBusy(false);
    setProblem(failure);
    if (stale) onStale();
  };

  // The list's copy has no ETag header to send, so the document is read again first; a version
  // someone saved since the list loaded is not deleted unseen.
  const remove = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const latest = await requests.fetchOne(client, item.id);
      if (!unchangedSince(item, latest.value)) {
        fail(staleProblem, true);
        return;
      }
      await requests.remove(client, latest);
    } catch (error) {
      const stale = error instanceof StaleEditError;
      fail(stale ? staleProblem : toProblem(error), stale);
      return;
    }
    onDeleted();
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{name}”?</DialogTitle>
          <DialogContent>
            <Text>{consequence}</Text>
            {problem ? <ProblemMessageBar problem={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void remove()}>
              {confirmLabel}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
ConfirmDeleteDialog.displayName = 'ConfirmDeleteDialog';
