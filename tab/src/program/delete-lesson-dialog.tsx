import type { JSX } from 'react';
import type { LessonView } from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import {
  ConfirmDeleteDialog,
  type DeleteDialogCallbacks,
} from '../common/confirm-delete-dialog.js';
import { lessonRequests } from './lesson-requests.js';

export interface DeleteLessonDialogProps extends DeleteDialogCallbacks {
  readonly client: ApiClient;
  readonly lesson: LessonView;
}

const staleProblem: Problem = {
  type: 'about:blank',
  title: 'Someone else changed this lesson',
  status: 412,
  detail:
    'Nothing was deleted. The curriculum now shows the latest version: check it and try again.',
};

/** Deletes a lesson only if it is still the version the person looked at. */
export function DeleteLessonDialog({ lesson, ...rest }: DeleteLessonDialogProps): JSX.Element {
  return (
    <ConfirmDeleteDialog
      {...rest}
      item={lesson}
      name={lesson.title}
      requests={lessonRequests}
      consequence="People who have not done it yet will not get it. Completions already recorded stay in the figures."
      confirmLabel="Delete the lesson"
      staleProblem={staleProblem}
    />
  );
}
DeleteLessonDialog.displayName = 'DeleteLessonDialog';
