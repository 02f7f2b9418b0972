import { useEffect, useRef, useState, type RefObject } from 'react';

export interface FocusFirstInvalid<T extends HTMLElement> {
  /** Put on the form (or any container of the fields). */
  readonly ref: RefObject<T | null>;
  /** Call when a check failed: once the fields show their messages, the first gets focus. */
  readonly request: () => void;
}

/**
 * After a failed check, moves focus to the first field marked invalid, as the browser's own
 * validation would; the fields only carry `aria-invalid` after the next render, hence the effect.
 */
export function useFocusFirstInvalid<T extends HTMLElement>(): FocusFirstInvalid<T> {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0) return;
    ref.current
      ?.querySelector<HTMLElement>(
        'input[aria-invalid="true"], textarea[aria-invalid="true"], button[aria-invalid="true"]',
      )
      ?.focus();
  }, [requests]);
  return { ref, request: () => setRequests((count) => count + 1) };
}
