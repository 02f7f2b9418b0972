import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Tab,
  TabList,
  mergeClasses,
  Text,
  useId,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import { promptViewSchema, type PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { useDocument, type Versioned } from '../api/use-document.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { FillPromptForm } from './fill-prompt-form.js';
import type { LibraryOptions } from './library-options.js';
import { PromptBody } from './prompt-body.js';
import { PromptDetails } from './prompt-details.js';
import { usePromptDrawerStyles } from './prompt-drawer.styles.js';
import { PromptEditor } from './prompt-editor.js';
import { PromptHistory } from './prompt-history.js';
import { fetchPrompt, promptPath } from './prompt-requests.js';
import { RatingControl } from './rating-control.js';
import { StatusActions } from './status-actions.js';
import { StatusBadge } from './status-badge.js';

const panelIds = ['use', 'history', 'edit'] as const;
type PanelId = (typeof panelIds)[number];

function isPanelId(value: unknown): value is PanelId {
  return (panelIds as readonly unknown[]).includes(value);
}

export interface PromptDrawerProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly promptId: string;
  readonly options: LibraryOptions;
  readonly onClose: () => void;
  /** Tells the page a prompt changed, so its lists show the new version. */
  readonly onChanged: (prompt: PromptView) => void;
}

/** One prompt, over the library: use it, rate it, see its history and, if allowed, edit it. */
export function PromptDrawer({
  client,
  me,
  promptId,
  options,
  onClose,
  onChanged,
}: PromptDrawerProps): JSX.Element {
  const styles = usePromptDrawerStyles();
  const titleId = useId('prompt-title');
  const bodyHeadingId = useId('prompt-text-heading');
  const query = useDocument(client, promptPath(promptId), promptViewSchema);
  const [panel, setPanel] = useState<PanelId>('use');
  // Panels stay mounted once opened, so a half-written edit survives a look at the history.
  const [opened, setOpened] = useState<ReadonlySet<PanelId>>(() => new Set(['use']));

  const update = (next: Versioned<PromptView>): void => {
    query.replace(next);
    onChanged(next.value);
  };
  // A copy changes the usage count, and with it the ETag: fetch both quietly.
  const refresh = (): void => {
    fetchPrompt(client, promptId).then(update, () => undefined);
  };
  // A rating answers with the prompt; without an ETag header, the ETag is fetched afterwards.
  const rated = (next: Versioned<PromptView>): void => {
    const etag = next.etag ?? (query.state.status === 'success' ? query.state.etag : undefined);
    update({ value: next.value, etag });
    if (next.etag === undefined) refresh();
  };

  const state = query.state;
  const title =
    state.status === 'success'
      ? state.value.title
      : state.status === 'loading'
        ? 'Loading the prompt'
        : 'This prompt could not be opened';

  const select = (value: unknown): void => {
    if (!isPanelId(value)) return;
    setPanel(value);
    setOpened((previous) => new Set([...previous, value]));
  };

  return (
    <OverlayDrawer
      open
      position="end"
      size="large"
      aria-labelledby={titleId}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: titleId, className: styles.title }}
          action={
            <Button appearance="subtle" onClick={onClose}>
              Close
            </Button>
          }
        >
          {title}
        </DrawerHeaderTitle>
        {state.status === 'success' ? (
          <>
            <div className={styles.headerMeta}>
              <StatusBadge status={state.value.status} />
              <Text size={200}>Version {state.value.version}</Text>
            </div>
            <StatusActions client={client} me={me} prompt={state} onChanged={update} />
          </>
        ) : null}
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {state.status === 'loading' ? <LoadingState label="Loading the prompt" /> : null}
        {state.status === 'error' ? (
          <ProblemMessageBar
            problem={state.problem}
            {...(state.problem.status === 404 ? {} : { onRetry: query.reload })}
          />
        ) : null}
        {state.status === 'success' ? (
          <>
            <TabList
              className={styles.tabs}
              selectedValue={panel}
              onTabSelect={(_, data) => select(data.value)}
              aria-label="Prompt views"
            >
              <Tab value="use" id={`${titleId}-tab-use`}>
                Use
              </Tab>
              <Tab value="history" id={`${titleId}-tab-history`}>
                History
              </Tab>
              {state.value.permissions.edit ? (
                <Tab value="edit" id={`${titleId}-tab-edit`}>
                  Edit
                </Tab>
              ) : null}
            </TabList>
            <div
              role="tabpanel"
              aria-labelledby={`${titleId}-tab-use`}
              hidden={panel !== 'use'}
              className={mergeClasses(styles.panel, panel !== 'use' && styles.hidden)}
            >
              <section aria-labelledby={bodyHeadingId} className={styles.panel}>
                <Text
                  as="h3"
                  id={bodyHeadingId}
                  size={400}
                  weight="semibold"
                  className={styles.sectionHeading}
                >
                  Prompt text
                </Text>
                <PromptBody body={state.value.body} labelledBy={bodyHeadingId} />
                <PromptDetails prompt={state.value} options={options} />
              </section>
              <FillPromptForm client={client} prompt={state.value} onUsed={refresh} />
              {state.value.status === 'published' ? (
                <RatingControl client={client} prompt={state.value} onRated={rated} />
              ) : null}
            </div>
            {opened.has('history') ? (
              <div
                role="tabpanel"
                aria-labelledby={`${titleId}-tab-history`}
                hidden={panel !== 'history'}
                className={mergeClasses(styles.panel, panel !== 'history' && styles.hidden)}
              >
                <PromptHistory
                  key={state.value.version}
                  client={client}
                  promptId={state.value.id}
                />
              </div>
            ) : null}
            {opened.has('edit') && state.value.permissions.edit ? (
              <div
                role="tabpanel"
                aria-labelledby={`${titleId}-tab-edit`}
                hidden={panel !== 'edit'}
                className={mergeClasses(styles.panel, panel !== 'edit' && styles.hidden)}
              >
                <PromptEditor client={client} prompt={state} options={options} onSaved={update} />
              </div>
            ) : null}
          </>
        ) : null}
      </DrawerBody>
    </OverlayDrawer>
  );
}
PromptDrawer.displayName = 'PromptDrawer';
