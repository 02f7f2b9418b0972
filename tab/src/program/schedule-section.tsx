import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Switch,
  Text,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import {
  curriculumScheduleViewSchema,
  type CurriculumScheduleUpdate,
  type CurriculumScheduleView,
} from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError, StaleEditError, toProblem } from '../api/api-error.js';
import { useDocument, type Versioned } from '../api/use-document.js';
import { ConflictNotice } from '../common/conflict-notice.js';
import type { FieldErrors } from '../common/field-errors.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { TimeZoneCombobox } from '../common/time-zone-combobox.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import { WeekdayField } from '../common/weekday-field.js';
import { weekdayLabel } from '../common/weekdays.js';
import { formatDateTime } from '../library/prompt-text.js';
import { fieldErrorsFromProblem } from './lesson-draft.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import {
  checkSchedule,
  fetchSchedule,
  saveSchedule,
  scheduleFields,
  schedulePath,
} from './schedule-requests.js';

export interface ScheduleSectionProps {
  readonly client: ApiClient;
}

/** The tenant's defaults for weekly lessons: the day, time and zone for people who chose none. */
export function ScheduleSection({ client }: ScheduleSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const schedule = useDocument(client, schedulePath, curriculumScheduleViewSchema);
  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        When weekly lessons arrive for people who have not chosen a day of their own. Anyone can
        pick their own day and time on Home or in the bot&apos;s set-up.
      </Text>
      {schedule.state.status === 'loading' ? <LoadingState label="Loading the schedule" /> : null}
      {schedule.state.status === 'error' ? (
        <ProblemMessageBar problem={schedule.state.problem} onRetry={schedule.reload} />
      ) : null}
      {schedule.state.status === 'success' ? (
        <ScheduleForm client={client} schedule={schedule.state} onSaved={schedule.replace} />
      ) : null}
    </div>
  );
}
ScheduleSection.displayName = 'ScheduleSection';

interface ScheduleFormProps {
  readonly client: ApiClient;
  readonly schedule: Versioned<CurriculumScheduleView>;
  readonly onSaved: (saved: Versioned<CurriculumScheduleView>) => void;
}

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'conflict'; readonly latest: Versioned<CurriculumScheduleView> };

function ScheduleForm({ client, schedule, onSaved }: ScheduleFormProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [base, setBase] = useState(schedule);
  const [draft, setDraft] = useState<CurriculumScheduleUpdate>(() =>
    scheduleFields(schedule.value),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const set = (change: Partial<CurriculumScheduleUpdate>): void =>
    setDraft((previous) => ({ ...previous, ...change }));

  const save = (from: Versioned<CurriculumScheduleView>): void => {
    const check = checkSchedule(draft);
    if (!check.ok) {
      setErrors(check.errors);
      setOutcome({ kind: 'none' });
      focusInvalid.request();
      return;
    }
    setErrors({});
    setSaving(true);
    saveSchedule(client, from, check.update).then(
      (saved) => {
        setSaving(false);
        setBase(saved);
        setOutcome({ kind: 'saved' });
        onSaved(saved);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof StaleEditError && error.current !== undefined) {
          const latest = { value: error.current as CurriculumScheduleView, etag: error.etag };
          setOutcome({ kind: 'conflict', latest });
          return;
        }
        // A lost race without the latest version (412), or a first save that someone else's
        // beat (409): read what is stored now and let the person choose as for any conflict.
        if (
          error instanceof StaleEditError ||
          (error instanceof ApiError && error.status === 409)
        ) {
          fetchSchedule(client).then(
            (latest) => setOutcome({ kind: 'conflict', latest }),
            (failure: unknown) => setOutcome({ kind: 'problem', problem: toProblem(failure) }),
          );
          return;
        }
        const problem = toProblem(error);
        setErrors(fieldErrorsFromProblem(problem));
        setOutcome({ kind: 'problem', problem });
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
      className={styles.surface}
      aria-label="Lesson schedule"
      onSubmit={submit}
      noValidate
    >
      <Text className={styles.muted}>
        {base.value.updatedAt
          ? `Last saved ${formatDateTime(base.value.updatedAt)}.`
          : 'Not saved yet: the defaults below apply.'}
      </Text>
      {outcome.kind === 'conflict' ? (
        <ConflictNotice
          title="Someone else changed the schedule"
          detail="It was saved while you were editing. Your changes are not saved yet: load the latest version and start again, or re-apply your changes on top of it."
          latestKey={outcome.latest.etag ?? outcome.latest.value.updatedAt ?? 'latest'}
          busy={saving}
          onLoadLatest={() => {
            setBase(outcome.latest);
            setDraft(scheduleFields(outcome.latest.value));
            setOutcome({ kind: 'none' });
          }}
          onReapply={() => {
            setBase(outcome.latest);
            setOutcome({ kind: 'none' });
            save(outcome.latest);
          }}
        >
          <Text role="group" aria-label="Latest version">
            Latest version: {weekdayLabel(outcome.latest.value.lessonDay)} at{' '}
            {outcome.latest.value.lessonTime} ({outcome.latest.value.timeZone}),{' '}
            {outcome.latest.value.deliverWeekly ? 'sent weekly' : 'not sent'}.
          </Text>
        </ConflictNotice>
      ) : null}
      <div className={styles.toolbar}>
        <WeekdayField
          label="Default lesson day"
          className={styles.filter}
          value={draft.lessonDay}
          onChange={(lessonDay) => set({ lessonDay })}
          validationMessage={errors.lessonDay}
        />
        <Field
          label="Time"
          className={styles.filter}
          hint="24-hour clock, in the time zone below"
          validationMessage={errors.lessonTime ?? null}
        >
          <Input
            type="time"
            value={draft.lessonTime}
            onChange={(_, data) => set({ lessonTime: data.value })}
          />
        </Field>
      </div>
      <TimeZoneCombobox
        label="Time zone"
        value={draft.timeZone}
        onChange={(timeZone) => set({ timeZone })}
        validationMessage={errors.timeZone}
      />
      <Switch
        label="Send lessons weekly"
        checked={draft.deliverWeekly}
        onChange={(_, data) => set({ deliverWeekly: data.checked })}
      />
      <Text className={styles.muted}>
        {draft.deliverWeekly
          ? 'The bot sends each person their lesson on their day.'
          : 'Nothing is sent: people ask the bot for their lesson with “lesson”.'}
      </Text>
      {outcome.kind === 'problem' ? <ProblemMessageBar problem={outcome.problem} /> : null}
      <div role="status">
        {outcome.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>Schedule saved.</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : 'Save the schedule'}
        </Button>
      </div>
    </form>
  );
}
ScheduleForm.displayName = 'ScheduleForm';
