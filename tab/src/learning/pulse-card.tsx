import { Button, Field, Input, Switch, Text } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { type PulseView, pulseViewSchema } from '../../../src/contracts/pulse.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { useDocument } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useMyLearningStyles } from './my-learning.styles.js';
import { answerText, checkMinutes, maxMinutes, pulsePath } from './pulse-answer.js';

export interface PulseCardProps {
  readonly client: ApiClient;
}

interface PulseFormProps {
  readonly client: ApiClient;
  readonly view: PulseView;
  readonly taskId: string;
  readonly taskName: string;
  readonly onAnswered: (view: PulseView) => void;
  readonly onCancel?: (() => void) | undefined;
}

/** Minutes and "did AI help" for one task; the answer replaces any earlier one this week. */
function PulseForm({
  client,
  view,
  taskId,
  taskName,
  onAnswered,
  onCancel,
}: PulseFormProps): JSX.Element {
  const styles = useMyLearningStyles();
  const [minutes, setMinutes] = useState(view.answer === null ? '' : String(view.answer.minutes));
  const [aiHelped, setAiHelped] = useState(view.answer?.aiHelped ?? false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [sending, setSending] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (sending) return;
    const check = checkMinutes(minutes);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    setError(undefined);
    setProblem(undefined);
    setSending(true);
    client
      .send('POST', pulsePath, { taskId, minutes: check.minutes, aiHelped }, pulseViewSchema)
      .then(
        (sent) => {
          setSending(false);
          onAnswered(sent.value);
        },
        (failure: unknown) => {
          setSending(false);
          setProblem(toProblem(failure));
        },
      );
  };

  return (
    <form
      className={styles.form}
      aria-label="Answer this week's pulse"
      onSubmit={submit}
      noValidate
    >
      <Text as="p" className={styles.text}>
        Think of the last time you did <strong>{taskName}</strong>. How many minutes did it take,
        and did AI help?
      </Text>
      {view.question?.taskId === taskId ? (
        <Text className={styles.muted}>
          Your team mapped it at {view.question.baselineMinutes} minutes before AI.
        </Text>
      ) : null}
      <div className={styles.row}>
        <Field label="Minutes it took" required validationMessage={error ?? null}>
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={maxMinutes}
            step={1}
            value={minutes}
            onChange={(_, data) => setMinutes(data.value)}
          />
        </Field>
        <Switch
          label="AI helped with it"
          checked={aiHelped}
          onChange={(_, data) => setAiHelped(data.checked)}
        />
      </div>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={sending}>
          {sending ? 'Sending…' : 'Send'}
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}
PulseForm.displayName = 'PulseForm';

/**
 * This week's one-question pulse on Home: how long a mapped task took and whether AI helped. The
 * answers feed the 90-day checkpoint. People off the roster are not asked, so the card stays away.
 */
export function PulseCard({ client }: PulseCardProps): JSX.Element | null {
  const styles = useMyLearningStyles();
  const pulse = useDocument(client, pulsePath, pulseViewSchema);
  const [changing, setChanging] = useState(false);
  const [thanked, setThanked] = useState(false);

  if (pulse.state.status === 'error' && pulse.state.problem.status === 403) return null;

  let body: JSX.Element;
  if (pulse.state.status === 'error') {
    body = <ProblemMessageBar problem={pulse.state.problem} onRetry={pulse.reload} />;
  } else if (pulse.state.status === 'loading') {
    body = <LoadingState label="Loading this week's pulse" />;
  } else {
    const view = pulse.state.value;
    const answered = (next: PulseView): void => {
      pulse.replace({ value: next, etag: undefined });
      setChanging(false);
      setThanked(true);
    };
    if (view.answer !== null && !changing) {
      body = (
        <div className={styles.progress}>
          <Text as="p" className={styles.text}>
            This week you said <strong>{view.answer.taskName}</strong> took{' '}
            {answerText(view.answer)}.
          </Text>
          <div className={styles.actions}>
            <Button
              onClick={() => {
                setThanked(false);
                setChanging(true);
              }}
            >
              Change my answer
            </Button>
          </div>
        </div>
      );
    } else if (view.answer !== null) {
      body = (
        <PulseForm
          client={client}
          view={view}
          taskId={view.answer.taskId}
          taskName={view.answer.taskName}
          onAnswered={answered}
          onCancel={() => setChanging(false)}
        />
      );
    } else if (view.question !== null) {
      body = (
        <PulseForm
          client={client}
          view={view}
          taskId={view.question.taskId}
          taskName={view.question.taskName}
          onAnswered={answered}
        />
      );
    } else {
      body = (
        <Text as="p" className={styles.muted}>
          Your department has not mapped any tasks yet, so there is no question this week. Your team
          lead maps tasks on the Workflows page.
        </Text>
      );
    }
  }

  return (
    <section aria-labelledby="pulse-title" className={styles.card}>
      <Text as="h3" id="pulse-title" size={500} weight="semibold" className={styles.heading}>
        This week&apos;s pulse
      </Text>
      <div role="status">
        {thanked ? <Text className={styles.muted}>Thank you: your answer is recorded.</Text> : null}
      </div>
      {body}
    </section>
  );
}
PulseCard.displayName = 'PulseCard';
