import type { JSX } from 'react';
import { lessonViewSchema, type LessonView } from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import { useDocument } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { SidePanel } from '../common/side-panel.js';
import type { LibraryOptions } from '../library/library-options.js';
import { LessonEditor, type LessonSlot } from './lesson-editor.js';
import { lessonPath } from './lesson-requests.js';

export type LessonDrawerMode =
  | { readonly kind: 'add'; readonly slot: LessonSlot }
  | { readonly kind: 'edit'; readonly lesson: LessonView };

export interface LessonDrawerProps {
  readonly client: ApiClient;
  readonly mode: LessonDrawerMode;
  readonly options: LibraryOptions;
  readonly onSaved: (lesson: LessonView) => void;
  readonly onClose: () => void;
}

interface LessonEditLoaderProps extends Omit<LessonDrawerProps, 'mode'> {
  readonly lesson: LessonView;
}

/** Reads the lesson with its ETag first, so the edit starts from what the server holds now. */
function LessonEditLoader({
  client,
  lesson,
  onClose,
  ...rest
}: LessonEditLoaderProps): JSX.Element {
  const read = useDocument(client, lessonPath(lesson.id), lessonViewSchema);
  if (read.state.status === 'loading') return <LoadingState label="Loading the lesson" />;
  if (read.state.status === 'error') {
    return <ProblemMessageBar problem={read.state.problem} onRetry={read.reload} />;
  }
  return (
    <LessonEditor
      client={client}
      lesson={read.state}
      slot={{ jobFamilyId: lesson.jobFamilyId, week: lesson.week }}
      onCancel={onClose}
      {...rest}
    />
  );
}

/** Adds or edits a lesson in a panel over the curriculum. */
export function LessonDrawer({ client, mode, onClose, ...rest }: LessonDrawerProps): JSX.Element {
  return (
    <SidePanel
      title={mode.kind === 'add' ? 'Add a lesson' : `Edit “${mode.lesson.title}”`}
      onClose={onClose}
    >
      {mode.kind === 'add' ? (
        <LessonEditor
          client={client}
          lesson={undefined}
          slot={mode.slot}
          onCancel={onClose}
          {...rest}
        />
      ) : (
        <LessonEditLoader client={client} lesson={mode.lesson} onClose={onClose} {...rest} />
      )}
    </SidePanel>
  );
}
LessonDrawer.displayName = 'LessonDrawer';
