import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { TabSettings } from '../config/tab-settings.js';

export interface ConfigPreviewNoteProps {
  /** What Save would store in Teams; absent until a page is chosen. */
  readonly settings: TabSettings | undefined;
}

/** The configuration page outside Teams: the choice works, but only Teams' dialog can save it. */
export function ConfigPreviewNote({ settings }: ConfigPreviewNoteProps): JSX.Element {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Saving only works inside Teams</MessageBarTitle>
        Teams shows this page when someone adds Lastmile to a channel, chat or meeting, and saves
        the choice with its own Save button. Here you can try the choice out.
        {settings ? (
          <>
            {' '}
            In Teams, Save would add a tab called “{settings.suggestedDisplayName}” that opens{' '}
            <Link href={new URL(settings.contentUrl).hash} inline>
              {settings.contentUrl}
            </Link>
            .
          </>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
ConfigPreviewNote.displayName = 'ConfigPreviewNote';
