import { Button, Text } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { LessonView } from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { ConflictNotice } from '../common/conflict-notice.js';
import type { FieldErrors } from '../common/field-errors.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import type { LibraryOptions } from '../library/library-options.js';
import { formatDateTime } from '../library/prompt-text.js';
import {
  checkLessonDraft,
  draftFromLesson,
  emptyLessonDraft,
  fieldErrorsFromProblem,
  type LessonDraft,
} from './lesson-draft.js';
import { useLessonEditorStyles } from './lesson-editor.styles.js';
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
  const styles = useLessonEditorStyles();
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [base, setBase] = useState(lesson);
  const [draft, setDraft] = useState<LessonDraft>(() =>
    lesson ? draftFromLesson(lesson.value) : emptyLessonDraft(slot.jobFamilyId, slot.week),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [latest, setLatest] = useState<Versioned<LessonView> | undefined>(undefined);

  const save = (from: Versioned<LessonView> | undefined): void => {
    const check = checkLessonDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      focusInvalid.request();
      return;
    }
    setErrors({});
    setProblem(undefined);
    setSaving(true);
    const request = from
      ? updateLesson(client, from, check.content)
      : createLesson(client, check.content);
    request.then(
      (saved) => {
        setSaving(false);
        onSaved(saved.value);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof StaleEditError && error.current !== undefined) {
          setLatest({ value: error.current as LessonView, etag: error.etag });
          return;
        }
        if (error instanceof StaleEditError && from) {
          // The refusal did not carry the latest version: read it, so the choice is the same.
          fetchLesson(client, from.value.id).then(setLatest, (failure: unknown) =>
            setProblem(toProblem(failure)),
          );
          return;
        }
        const failure = toProblem(error);
        const fieldErrors = fieldErrorsFromProblem(failure);
        setErrors(fieldErrors);
        setProblem(failure);
        if (Object.keys(fieldErrors).length > 0) focusInvalid.request();
      },
    );
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!saving) save(base);
  };

  return (
    <form
      ref={focusInvalid.ref}
      className={styles.root}
      onSubmit={submit}
      noValidate
      aria-label={lesson ? 'Edit lesson' : 'Add a lesson'}
    >
      {latest ? (
        <ConflictNotice
          title="Someone else changed this lesson"
          detail={`It was saved ${formatDateTime(latest.value.updatedAt)} while you were editing. Your changes are not saved yet: load the latest version and start again, or re-apply your changes on top of it.`}
          latestKey={latest.etag ?? latest.value.updatedAt}
          busy={saving}
          onLoadLatest={() => {
            setBase(latest);
            setDraft(draftFromLesson(latest.value));
            setErrors({});
            setLatest(undefined);
          }}
          onReapply={() => {
            setBase(latest);
            setLatest(undefined);
            save(latest);
          }}
        >
          <div className={styles.latest} role="group" aria-label="Latest version">
            <Text weight="semibold">Latest version: {latest.value.title}</Text>
            <Text>
              Week {latest.value.week} · {latest.value.minutes} minutes ·{' '}
              {lessonStatusLabels[latest.value.status]}
            </Text>
            <Text>{latest.value.scenario}</Text>
          </div>
        </ConflictNotice>
      ) : null}
      <LessonForm
        client={client}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        options={options}
      />
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : lesson ? 'Save changes' : 'Add the lesson'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
LessonEditor.displayName = 'LessonEditor';
