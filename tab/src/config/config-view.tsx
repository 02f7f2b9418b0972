import type { JSX, ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { meResponseSchema } from '../../../src/contracts/identity.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { pageDefinition, visiblePages, type PageId } from '../routes/pages.js';
import { useFirstIdentity, type IdentityOutcome } from '../shell/use-first-identity.js';
import { ConfigPage } from './config-page.js';
import { useConfigViewStyles } from './config-view.styles.js';
import { initialChoice, tabSettingsFor, type TabSettings } from './tab-settings.js';
import { useTabConfigSave, type TabConfigSaver } from './use-tab-config-save.js';

export interface ConfigViewProps {
  readonly client: ApiClient;
  /** Where the tab is served from; the saved tab opens a page under it. */
  readonly origin: string;
  /** Teams' configuration dialog; absent where nothing can be saved (the dev preview). */
  readonly saver?: TabConfigSaver | undefined;
  /** The page the tab already opens on, when someone changes an existing tab's settings. */
  readonly savedPage?: PageId | undefined;
  /** The host's word on saving, given the settings Save would store. */
  readonly renderNote?: (settings: TabSettings | undefined) => ReactNode;
  /** Host-specific controls above the page (the dev toolbar outside Teams). */
  readonly hostControls?: ReactNode;
  readonly onFirstIdentity?: (outcome: IdentityOutcome) => void;
}

/**
 * The configuration page with what it needs: who is configuring (their roles decide which pages
 * they may pick) and, in Teams, the dialog's Save button.
 */
export function ConfigView({
  client,
  origin,
  saver,
  savedPage,
  renderNote,
  hostControls,
  onFirstIdentity,
}: ConfigViewProps): JSX.Element {
  const styles = useConfigViewStyles();
  const me = useApiQuery(client, '/api/me', meResponseSchema);
  useFirstIdentity(me.state, onFirstIdentity);
  const [picked, setPicked] = useState<PageId | undefined>(undefined);

  const choices = useMemo(
    () => (me.state.status === 'success' ? visiblePages(me.state.data.roles) : []),
    [me.state],
  );
  // A pick that the current roles no longer allow (the dev preview switched people) falls back.
  const choice = choices.some((page) => page.id === picked)
    ? picked
    : initialChoice(choices, savedPage);
  const settings = useMemo(
    () => (choice ? tabSettingsFor(pageDefinition(choice), origin) : undefined),
    [choice, origin],
  );
  useTabConfigSave(saver, settings);

  useEffect(() => {
    document.title = 'Tab settings · Lastmile';
  }, []);

  return (
    <>
      {hostControls}
      <div className={styles.surface}>
        <main className={styles.main}>
          {me.state.status === 'loading' ? <LoadingState label="Signing you in" /> : null}
          {me.state.status === 'error' ? (
            <ProblemMessageBar problem={me.state.problem} onRetry={me.retry} />
          ) : null}
          {me.state.status === 'success' ? (
            <ConfigPage
              pages={choices}
              selected={choice}
              onSelect={setPicked}
              note={renderNote?.(settings)}
            />
          ) : null}
        </main>
      </div>
    </>
  );
}
ConfigView.displayName = 'ConfigView';
