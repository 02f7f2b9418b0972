import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { LessonView } from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';
import { useVersionedEditor } from '../common/use-versioned-editor.js';
import { VersionedEditorForm } from '../common/versioned-editor-form.js';
import type { LibraryOptions } from '../library/library-options.js';
import {
  checkLessonDraft,
  draftFromLesson,
  emptyLessonDraft,
  fieldErrorsFromProblem,
} from './lesson-draft.js';
import { LessonForm } from './lesson-form.js';
import { createLesson, fetchLesson, updateLesson } from './lesson-requests.js';
import { lessonStatusLabels } from './lesson-status-badge.js';

/** Where a new lesson goes: the job family shown and a week. */
export interface LessonSlot {
  readonly jobFamilyId: string;
  readonly week: number;
}

export interface LessonEditorProps {
  readonly client: ApiClient;
  /** The lesson as read (with its ETag) when editing; absent when adding. */
  readonly lesson: Versioned<LessonView> | undefined;
  readonly slot: LessonSlot;
  readonly options: LibraryOptions;
  readonly onSaved: (lesson: LessonView) => void;
  readonly onCancel: () => void;
}

/** Adds a lesson, or edits one from the version it was read at: a 412 is shown, never overwritten. */
export function LessonEditor({
  client,
  lesson,
  slot,
  options,
  onSaved,
  onCancel,
}: LessonEditorProps): JSX.Element {
  const editor = useVersionedEditor({
    initial: lesson,
    initialDraft: () =>
      lesson ? draftFromLesson(lesson.value) : emptyLessonDraft(slot.jobFamilyId, slot.week),
    check: checkLessonDraft,
    send: (from, content) =>
      from ? updateLesson(client, from, content) : createLesson(client, content),
    onSaved,
    fetchLatest: (from) => fetchLesson(client, from.value.id),
    fieldErrorsFromProblem,
  });
  return (
    <VersionedEditorForm
      editor={editor}
      editing={lesson !== undefined}
      label={lesson ? 'Edit lesson' : 'Add a lesson'}
      addLabel="Add the lesson"
      conflictTitle="Someone else changed this lesson"
      renderLatest={(latest) => (
        <>
          <Text weight="semibold">Latest version: {latest.title}</Text>
          <Text>
            Week {latest.week} · {latest.minutes} minutes · {lessonStatusLabels[latest.status]}
          </Text>
          <Text>{latest.scenario}</Text>
        </>
      )}
      onLoadLatest={(latest) => {
        editor.loadLatest(latest, draftFromLesson(latest.value));
        editor.setErrors({});
      }}
      onCancel={onCancel}
    >
      <LessonForm
        client={client}
        draft={editor.draft}
        onChange={editor.setDraft}
        errors={editor.errors}
        options={options}
      />
    </VersionedEditorForm>
  );
}
LessonEditor.displayName = 'LessonEditor';
