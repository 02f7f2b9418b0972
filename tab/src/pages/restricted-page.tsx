import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { PageDefinition } from '../routes/pages.js';
import { audienceText, rolesText } from '../shell/role-labels.js';
import { PageHeading } from './page-heading.js';
import { useRestrictedPageStyles } from './restricted-page.styles.js';

export interface RestrictedPageProps {
  readonly page: PageDefinition;
  readonly me: MeResponse;
  readonly onGoHome: () => void;
}

/** Shown when a deep link names a page the signed-in user's roles do not open. */
export function RestrictedPage({ page, me, onGoHome }: RestrictedPageProps): JSX.Element {
  const styles = useRestrictedPageStyles();
  const audience = page.audience === 'everyone' ? 'everyone' : audienceText(page.audience);
  return (
    <section aria-labelledby="restricted-title" className={styles.root}>
      <PageHeading id="restricted-title" title={page.title} />
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page is for {audience}</MessageBarTitle>
          Your role in Lastmile: {rolesText(me.roles)}. Ask your AI champion if you need access.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onGoHome}>Go to Home</Button>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
}
RestrictedPage.displayName = 'RestrictedPage';
