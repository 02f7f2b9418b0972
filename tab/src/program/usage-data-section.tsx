import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import { ApiKeysPanel } from './usage-data-api-keys.js';
import { CopilotImportPanel } from './usage-data-copilot-import.js';
import { UsageCsvImportPanel } from './usage-data-csv-import.js';

export interface UsageDataSectionProps {
  readonly client: ApiClient;
}

/** Admins: how AI usage from outside Teams gets in (API keys, a CSV, the Copilot report). */
export function UsageDataSection({ client }: UsageDataSectionProps): JSX.Element {
  const styles = useProgramSectionStyles();
  return (
    <div className={styles.root}>
      <Text as="p" className={styles.intro}>
        Someone counts as active in a week when any AI tool reports a use by them. Prompts used from
        the library count by themselves; usage of other tools comes in here.
      </Text>
      <ApiKeysPanel client={client} />
      <UsageCsvImportPanel client={client} />
      <CopilotImportPanel client={client} />
    </div>
  );
}
UsageDataSection.displayName = 'UsageDataSection';
