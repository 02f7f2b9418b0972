import { useEffect, useRef } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { QueryState } from '../api/use-api-query.js';

export type IdentityOutcome = { ok: true; me: MeResponse } | { ok: false; problem: Problem };

/**
 * Tells the host once whether the tab could find out who the user is: Teams wants to hear either
 * way, and only once, however often the query is retried afterwards.
 */
export function useFirstIdentity(
  me: QueryState<MeResponse>,
  onFirstIdentity: ((outcome: IdentityOutcome) => void) | undefined,
): void {
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current || me.status === 'loading') return;
    reported.current = true;
    onFirstIdentity?.(
      me.status === 'success' ? { ok: true, me: me.data } : { ok: false, problem: me.problem },
    );
  }, [me, onFirstIdentity]);
}
