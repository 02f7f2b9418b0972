import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { toProblem } from '../api/api-error.js';
import type { FieldErrors } from './field-errors.js';

/** What a submit does: show the form's own field errors, or send a request. */
export type Submission<T> =
  | { readonly errors: FieldErrors }
  | {
      readonly send: () => Promise<T>;
      readonly onSent: (result: T) => void;
      /** Takes a failure the form handles itself (a 412, say); `true` when it did. */
      readonly onFailure?: (failure: unknown) => boolean;
    };

export interface FormSubmission {
  readonly errors: FieldErrors;
  readonly problem: Problem | undefined;
  readonly busy: boolean;
  /**
   * The form's submit handler: `prepare` checks the draft and says what to do. A submit while a
   * request is out does nothing; a refusal shows beside its fields and in a message bar.
   */
  readonly handleSubmit: <T>(
    prepare: () => Submission<T>,
  ) => (event: FormEvent<HTMLFormElement>) => void;
}

/** The send-once flow of a small form that creates or changes one thing. */
export function useFormSubmission(
  fieldErrorsFromProblem: (problem: Problem) => FieldErrors,
): FormSubmission {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const handleSubmit =
    <T>(prepare: () => Submission<T>) =>
    (event: FormEvent<HTMLFormElement>): void => {
      event.preventDefault();
      if (busy) return;
      const submission = prepare();
      if ('errors' in submission) {
        setErrors(submission.errors);
        return;
      }
      setErrors({});
      setProblem(undefined);
      setBusy(true);
      submission.send().then(
        (result) => {
          setBusy(false);
          submission.onSent(result);
        },
        (failure: unknown) => {
          setBusy(false);
          if (submission.onFailure?.(failure) === true) return;
          const found = toProblem(failure);
          setErrors(fieldErrorsFromProblem(found));
          setProblem(found);
        },
      );
    };

  return { errors, problem, busy, handleSubmit };
}
