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
import type { LessonView } from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { deleteLesson, fetchLesson, unchangedSince } from './lesson-requests.js';

export interface DeleteLessonDialogProps {
  readonly client: ApiClient;
  readonly lesson: LessonView;
  readonly onDeleted: () => void;
  /** The lesson changed since the list loaded: the list should show the latest. */
  readonly onStale: () => void;
  readonly onClose: () => void;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'Someone else changed this lesson',
  status: 412,
  detail:
    'Nothing was deleted. The curriculum now shows the latest version: check it and try again.',
};

/** Deletes a lesson only if it is still the version the person looked at. */
export function DeleteLessonDialog({
  client,
  lesson,
  onDeleted,
  onStale,
  onClose,
}: DeleteLessonDialogProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const fail = (failure: Problem, stale: boolean): void => {
    setBusy(false);
    setProblem(failure);
    if (stale) onStale();
  };

  // The list's copy has no ETag header to send, so the lesson is read again first; a version
  // someone saved since the list loaded is not deleted unseen.
  const remove = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const latest = await fetchLesson(client, lesson.id);
      if (!unchangedSince(lesson, latest.value)) {
        fail(staleProblem, true);
        return;
      }
      await deleteLesson(client, latest);
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
          <DialogTitle>Delete “{lesson.title}”?</DialogTitle>
          <DialogContent>
            <Text>
              People who have not done it yet will not get it. Completions already recorded stay in
              the figures.
            </Text>
            {problem ? <ProblemMessageBar problem={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void remove()}>
              Delete the lesson
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
DeleteLessonDialog.displayName = 'DeleteLessonDialog';
