import { Persona, Spinner } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { QueryState } from '../api/use-api-query.js';
import { userDetails } from './user-details.js';

export interface UserSummaryProps {
  readonly me: QueryState<MeResponse>;
  readonly overview: ProgramOverview | undefined;
}

/** Who the tab is acting for, as /api/me reports it. */
export function UserSummary({ me, overview }: UserSummaryProps): JSX.Element | null {
  if (me.status === 'loading') return <Spinner size="tiny" label="Signing you in" />;
  if (me.status === 'error') return null;
  const name = me.data.displayName ?? me.data.upn ?? me.data.userId;
  return (
    <Persona
      aria-label={`Signed in as ${name}`}
      role="group"
      name={name}
      secondaryText={userDetails(me.data, overview)}
      textAlignment="center"
      avatar={{ color: 'colorful', 'aria-hidden': true }}
    />
  );
}
UserSummary.displayName = 'UserSummary';
