import { Button, Field, Text, Textarea, ToggleButton, useId } from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView, RatingValue } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { ratePrompt } from './prompt-requests.js';
import { useRatingControlStyles } from './rating-control.styles.js';

export interface RatingControlProps {
  readonly client: ApiClient;
  readonly prompt: PromptView;
  readonly onRated: (next: Versioned<PromptView>) => void;
}

/** Thumbs up or down, one rating per person (rating again replaces it), with an optional reason. */
export function RatingControl({ client, prompt, onRated }: RatingControlProps): JSX.Element {
  const styles = useRatingControlStyles();
  const headingId = useId('rating-heading');
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const rate = (value: RatingValue, withReason: string): void => {
    setPending(true);
    setProblem(undefined);
    ratePrompt(client, prompt.id, value, withReason).then(
      (next) => {
        setPending(false);
        setMessage(
          withReason.trim() === ''
            ? 'Thanks, your rating is saved.'
            : 'Thanks, your rating and reason are saved.',
        );
        if (withReason.trim() !== '') setReason('');
        onRated(next);
      },
      (error: unknown) => {
        setPending(false);
        setProblem(toProblem(error));
      },
    );
  };

  const sendReason = (event: FormEvent): void => {
    event.preventDefault();
    if (prompt.myRating) rate(prompt.myRating, reason);
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        Did it help?
      </Text>
      <div role="group" aria-labelledby={headingId} className={styles.buttons}>
        <ToggleButton
          checked={prompt.myRating === 'up'}
          disabledFocusable={pending}
          onClick={() => rate('up', '')}
        >
          👍 Helpful ({prompt.ratingUp})
        </ToggleButton>
        <ToggleButton
          checked={prompt.myRating === 'down'}
          disabledFocusable={pending}
          onClick={() => rate('down', '')}
        >
          👎 Not helpful ({prompt.ratingDown})
        </ToggleButton>
      </div>
      {prompt.myRating ? (
        <form className={styles.reason} onSubmit={sendReason}>
          <Field
            className={styles.reasonField}
            label={
              prompt.myRating === 'up'
                ? 'What made it helpful? (optional)'
                : 'What was missing or wrong? (optional)'
            }
            hint="The prompt's owner reads this when improving it."
          >
            <Textarea
              value={reason}
              maxLength={500}
              onChange={(_, data) => setReason(data.value)}
            />
          </Field>
          <Button type="submit" disabled={pending || reason.trim() === ''}>
            Send reason
          </Button>
        </form>
      ) : null}
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div role="status">{message}</div>
    </section>
  );
}
RatingControl.displayName = 'RatingControl';
