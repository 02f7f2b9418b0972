import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { JSX } from 'react';

/** The configuration page opened in Teams, but not in the dialog that can save a tab's settings. */
export function ConfigOutsideDialogNote(): JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Nothing to save here</MessageBarTitle>
        Teams shows this page when someone adds Lastmile as a tab to a channel, chat or meeting, or
        changes the tab&apos;s settings. To set up a tab, choose Add a tab (+) in the conversation
        and pick Lastmile.
      </MessageBarBody>
    </MessageBar>
  );
}
ConfigOutsideDialogNote.displayName = 'ConfigOutsideDialogNote';
