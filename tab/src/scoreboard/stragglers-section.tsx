import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type {
  NudgeResult,
  Scoreboard,
  ScoreboardDepartment,
} from '../../../src/contracts/adoption.js';
import type { ApiClient } from '../api/api-client.js';
import { NudgeDialog } from './nudge-dialog.js';
import { joinNames, nudgeConfirmation, stragglerText } from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';

export interface StragglersSectionProps {
  readonly client: ApiClient;
  readonly scoreboard: Scoreboard;
}

/** Departments below the target or falling, each with a nudge to its leads. */
export function StragglersSection({ client, scoreboard }: StragglersSectionProps): JSX.Element {
  const styles = useScoreboardStyles();
  const [nudging, setNudging] = useState<ScoreboardDepartment | undefined>(undefined);
  // What the last nudge of each department queued, shown on its card until the page reloads.
  const [sent, setSent] = useState<Readonly<Record<string, NudgeResult>>>({});
  const stragglers = scoreboard.departments.filter(
    (department) => !department.suppressed && department.straggler === true,
  );

  return (
    <section aria-labelledby="scoreboard-stragglers-title" className={styles.card}>
      <Text
        as="h3"
        id="scoreboard-stragglers-title"
        size={500}
        weight="semibold"
        className={styles.sectionHeading}
      >
        Departments to coach
      </Text>
      {stragglers.length === 0 ? (
        <Text className={styles.muted}>
          Every department is at or above the target and holding steady.
        </Text>
      ) : (
        <ul className={styles.stragglers}>
          {stragglers.map((department) => {
            const leads = department.leads ?? [];
            const result = sent[department.id];
            return (
              <li
                key={department.id}
                className={styles.straggler}
                aria-labelledby={`straggler-${department.id}`}
              >
                <Text id={`straggler-${department.id}`} size={400} weight="semibold">
                  {department.name}
                </Text>
                <Text>{stragglerText(department, scoreboard.targetPct)}</Text>
                <Text className={styles.muted}>
                  {leads.length > 0
                    ? `${leads.length === 1 ? 'Lead' : 'Leads'}: ${joinNames(leads.map((lead) => lead.name))}`
                    : 'No lead on the roster'}
                </Text>
                <div className={styles.actions}>
                  <Button
                    disabled={leads.length === 0}
                    aria-label={`Nudge lead of ${department.name}`}
                    onClick={() => setNudging(department)}
                  >
                    Nudge lead
                  </Button>
                </div>
                <div role="status">
                  {result ? (
                    <MessageBar intent={result.queued > 0 ? 'success' : 'info'}>
                      <MessageBarBody>{nudgeConfirmation(result)}</MessageBarBody>
                    </MessageBar>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {nudging ? (
        <NudgeDialog
          client={client}
          department={nudging}
          onClose={() => setNudging(undefined)}
          onSent={(result) => {
            setSent((previous) => ({ ...previous, [result.departmentId]: result }));
            setNudging(undefined);
          }}
        />
      ) : null}
    </section>
  );
}
StragglersSection.displayName = 'StragglersSection';
