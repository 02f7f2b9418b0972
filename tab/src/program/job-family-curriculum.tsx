import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  lessonListSchema,
  type LessonList,
  type LessonView,
} from '../../../src/contracts/lessons.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useVisuallyHiddenStyles } from '../common/visually-hidden.styles.js';
import { optionName, type LibraryOptions } from '../library/library-options.js';
import { coverageText, curriculumRows, firstOpenWeek } from './curriculum-grid.js';
import { DeleteLessonDialog } from './delete-lesson-dialog.js';
import { LessonDrawer, type LessonDrawerMode } from './lesson-drawer.js';
import { lessonsPath } from './lesson-requests.js';
import { LessonStatusBadge } from './lesson-status-badge.js';
import { useProgramSectionStyles } from './program-section.styles.js';

export interface JobFamilyCurriculumProps {
  readonly client: ApiClient;
  readonly jobFamily: { readonly id: string; readonly name: string };
  readonly options: LibraryOptions;
}

/** One job family's lessons by week, with add, edit and delete. */
export function JobFamilyCurriculum({
  client,
  jobFamily,
  options,
}: JobFamilyCurriculumProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const hidden = useVisuallyHiddenStyles();
  const restoreFocus = useRestoreFocusTarget();
  const lessons = useApiQuery(client, lessonsPath(jobFamily.id), lessonListSchema);
  // While the list reloads after a change, the rows stay, and with them the focus.
  const [last, setLast] = useState<LessonList | undefined>(undefined);
  if (lessons.state.status === 'success' && last !== lessons.state.data) {
    setLast(lessons.state.data);
  }
  const list = lessons.state.status === 'success' ? lessons.state.data : last;
  const [drawer, setDrawer] = useState<LessonDrawerMode | undefined>(undefined);
  const [deleting, setDeleting] = useState<LessonView | undefined>(undefined);
  const [message, setMessage] = useState('');
  const titleId = `curriculum-${jobFamily.id}`;
  const add = (week: number): void =>
    setDrawer({ kind: 'add', slot: { jobFamilyId: jobFamily.id, week } });

  return (
    <section aria-labelledby={titleId} className={styles.surface}>
      <div className={styles.toolbar}>
        <div className={styles.titleBlock}>
          <Text as="h4" id={titleId} size={500} weight="semibold" className={styles.heading}>
            Lessons for {jobFamily.name}
          </Text>
          {list ? (
            <Text as="p" className={styles.muted}>
              {coverageText(list.items)}
            </Text>
          ) : null}
        </div>
        <Button
          appearance="primary"
          {...restoreFocus}
          disabledFocusable={!list}
          onClick={() => add(list ? firstOpenWeek(list.items) : 1)}
        >
          Add lesson
        </Button>
      </div>
      <div role="status">{message}</div>
      {!list && lessons.state.status === 'loading' ? (
        <LoadingState label="Loading the curriculum" />
      ) : null}
      {lessons.state.status === 'error' ? (
        <ProblemMessageBar problem={lessons.state.problem} onRetry={lessons.retry} />
      ) : null}
      {list ? (
        <Table size="small" aria-labelledby={titleId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.narrowColumn}>Week</TableHeaderCell>
              <TableHeaderCell>Lesson</TableHeaderCell>
              <TableHeaderCell className={styles.narrowColumn}>Minutes</TableHeaderCell>
              <TableHeaderCell>Workflow task</TableHeaderCell>
              <TableHeaderCell className={styles.narrowColumn}>Status</TableHeaderCell>
              <TableHeaderCell className={styles.actionsColumn}>
                <span className={hidden.root}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {curriculumRows(list.items).map(({ week, lesson }) =>
              lesson ? (
                <TableRow key={lesson.id}>
                  <TableCell>Week {week}</TableCell>
                  <TableCell>{lesson.title}</TableCell>
                  <TableCell>{lesson.minutes}</TableCell>
                  <TableCell>
                    {lesson.taskId ? optionName(options, 'tasks', lesson.taskId) : '—'}
                  </TableCell>
                  <TableCell>
                    <LessonStatusBadge status={lesson.status} />
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        {...restoreFocus}
                        aria-label={`Edit “${lesson.title}”`}
                        onClick={() => setDrawer({ kind: 'edit', lesson })}
                      >
                        Edit
                      </Button>
                      <Button
                        size="small"
                        {...restoreFocus}
                        aria-label={`Delete “${lesson.title}”`}
                        onClick={() => setDeleting(lesson)}
                      >
                        Delete
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={`week-${week}`}>
                  <TableCell>Week {week}</TableCell>
                  <TableCell>
                    <Text className={styles.muted}>No lesson yet</Text>
                  </TableCell>
                  <TableCell />
                  <TableCell />
                  <TableCell />
                  <TableCell>
                    <Button
                      size="small"
                      {...restoreFocus}
                      aria-label={`Add a lesson for week ${week}`}
                      onClick={() => add(week)}
                    >
                      Add
                    </Button>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      ) : null}
      {drawer ? (
        <LessonDrawer
          client={client}
          mode={drawer}
          options={options}
          onClose={() => setDrawer(undefined)}
          onSaved={(lesson) => {
            setDrawer(undefined);
            const elsewhere =
              lesson.jobFamilyId === jobFamily.id
                ? ''
                : ` It belongs to ${optionName(options, 'jobFamilies', lesson.jobFamilyId)} now.`;
            setMessage(
              `${drawer.kind === 'add' ? 'Added' : 'Saved'} “${lesson.title}” in week ${lesson.week}.${elsewhere}`,
            );
            lessons.retry();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteLessonDialog
          client={client}
          lesson={deleting}
          onClose={() => setDeleting(undefined)}
          onStale={lessons.retry}
          onDeleted={() => {
            setDeleting(undefined);
            setMessage(`Deleted “${deleting.title}”.`);
            lessons.retry();
          }}
        />
      ) : null}
    </section>
  );
}
JobFamilyCurriculum.displayName = 'JobFamilyCurriculum';
