import type { FormEvent, RefObject } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import { StaleEditError, toProblem } from '../api/api-error.js';
import type { Versioned } from '../api/use-document.js';
import type { FieldErrors } from './field-errors.js';
import { useFocusFirstInvalid } from './use-focus-first-invalid.js';

/** A draft checked with the schema the API applies. */
export type DraftCheck<C> =
  { readonly ok: true; readonly content: C } | { readonly ok: false; readonly errors: FieldErrors };

export interface VersionedEditorOptions<V, C, D> {
  /** The document as read (with its ETag) when editing; absent when adding. */
  readonly initial: Versioned<V> | undefined;
  readonly initialDraft: () => D;
  readonly check: (draft: D) => DraftCheck<C>;
  /** Adds when `from` is absent, otherwise saves on top of that version. */
  readonly send: (from: Versioned<V> | undefined, content: C) => Promise<Versioned<V>>;
  readonly onSaved: (value: V) => void;
  /** Reads the latest version when a 412 did not carry it; without it, the refusal is a problem. */
  readonly fetchLatest?: (from: Versioned<V>) => Promise<Versioned<V>>;
  /** Places the API's own refusals beside their fields. */
  readonly fieldErrorsFromProblem?: (problem: Problem) => FieldErrors;
}

export interface VersionedEditor<V, D> {
  readonly formRef: RefObject<HTMLFormElement | null>;
  readonly draft: D;
  readonly setDraft: (draft: D) => void;
  readonly errors: FieldErrors;
  readonly setErrors: (errors: FieldErrors) => void;
  readonly saving: boolean;
  readonly problem: Problem | undefined;
  /** The version someone else saved meanwhile, while the person chooses what to do. */
  readonly latest: Versioned<V> | undefined;
  readonly submit: (event: FormEvent) => void;
  /** Drops the conflict and edits from the latest version with `draft` (its copy in the form). */
  readonly loadLatest: (latest: Versioned<V>, draft: D) => void;
  /** Saves this person's changes on top of the latest version. */
  readonly reapply: (latest: Versioned<V>) => void;
}

/**
 * The add/edit flow of a drawer form: check the draft, send it from the version it was read at,
 * and on a 412 keep the person's changes and show the latest version instead of overwriting it.
 */
export function useVersionedEditor<V, C, D>({
  initial,
  initialDraft,
  check: checkDraft,
  send,
  onSaved,
  fetchLatest,
  fieldErrorsFromProblem,
}: VersionedEditorOptions<V, C, D>): VersionedEditor<V, D> {
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<D>(initialDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [latest, setLatest] = useState<Versioned<V> | undefined>(undefined);

  const save = (from: Versioned<V> | undefined): void => {
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      focusInvalid.request();
      return;
    }
    setErrors({});
    setProblem(undefined);
    setSaving(true);
    send(from, check.content).then(
      (saved) => {
        setSaving(false);
        onSaved(saved.value);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof StaleEditError && error.current !== undefined) {
          setLatest({ value: error.current as V, etag: error.etag });
          return;
        }
        if (error instanceof StaleEditError && from && fetchLatest) {
          // The refusal did not carry the latest version: read it, so the choice is the same.
          fetchLatest(from).then(setLatest, (failure: unknown) => setProblem(toProblem(failure)));
          return;
        }
        const failure = toProblem(error);
        if (!fieldErrorsFromProblem) {
          setProblem(failure);
          return;
        }
        const fieldErrors = fieldErrorsFromProblem(failure);
        setErrors(fieldErrors);
        setProblem(failure);
        if (Object.keys(fieldErrors).length > 0) focusInvalid.request();
      },
    );
  };

  return {
    formRef: focusInvalid.ref,
    draft,
    setDraft,
    errors,
    setErrors,
    saving,
    problem,
    latest,
    submit: (event) => {
      event.preventDefault();
      if (!saving) save(base);
    },
    loadLatest: (next, nextDraft) => {
      setBase(next);
      setDraft(nextDraft);
      setLatest(undefined);
    },
    reapply: (next) => {
      setBase(next);
      setLatest(undefined);
      save(next);
    },
  };
}
