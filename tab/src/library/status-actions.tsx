import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';
import { statusActions, type StatusAction } from './prompt-permissions.js';
import { submitStatusChange } from './status-change.js';
import { useStatusActionsStyles } from './status-actions.styles.js';
import { StatusDialog } from './status-dialog.js';

export interface StatusActionsProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly prompt: Versioned<PromptView>;
  readonly onChanged: (next: Versioned<PromptView>) => void;
}

/** The status changes this person may make, each confirmed in a dialog. */
export function StatusActions({
  client,
  me,
  prompt,
  onChanged,
}: StatusActionsProps): JSX.Element | null {
  const styles = useStatusActionsStyles();
  const restoreFocus = useRestoreFocusTarget();
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<StatusAction | undefined>(undefined);
  const actions = statusActions(me, prompt.value);
  if (actions.length === 0) return null;
  // After a change the button that opened the dialog may be gone: focus the first action instead.
  const close = (): void => {
    setOpen(undefined);
    requestAnimationFrame(() => {
      if (!root.current?.contains(document.activeElement)) {
        root.current?.querySelector('button')?.focus();
      }
    });
  };
  return (
    <div ref={root} role="group" aria-label="Status actions" className={styles.root}>
      {actions.map((action) => (
        <Button key={action.to} {...restoreFocus} onClick={() => setOpen(action)}>
          {action.label}
        </Button>
      ))}
      {open ? (
        <StatusDialog
          action={open}
          promptTitle={prompt.value.title}
          onClose={close}
          onSubmit={(note) => submitStatusChange(client, prompt, open, note, onChanged)}
        />
      ) : null}
    </div>
  );
}
StatusActions.displayName = 'StatusActions';
