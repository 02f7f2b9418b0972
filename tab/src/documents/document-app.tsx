import type { JSX } from 'react';
import { useEffect } from 'react';
import { AppFrame } from '../common/app-frame.js';
import { browserStore, readThemePreference } from '../dev/dev-session.js';
import type { DocumentId } from '../routes/hash-route.js';
import { AppHeader } from '../shell/app-header.js';
import { resolveThemePreference } from '../theme/theme-name.js';
import { useSystemAppearance } from '../theme/use-system-appearance.js';
import { useDocumentAppStyles } from './document-app.styles.js';
import { DocumentLinks } from './document-links.js';
import { documentTitles } from './document-titles.js';
import { PrivacyStatement } from './privacy-statement.js';
import { TermsOfUse } from './terms-of-use.js';

export interface DocumentAppProps {
  readonly documentId: DocumentId;
}

/**
 * The privacy statement or terms of use, on their own. Teams opens these links in a browser, for
 * people who may not have signed in anywhere, so they call no API and start no host. The theme is
 * the system's, or the one last picked in the local preview.
 */
export function DocumentApp({ documentId }: DocumentAppProps): JSX.Element {
  const styles = useDocumentAppStyles();
  const theme = resolveThemePreference(readThemePreference(browserStore()), useSystemAppearance());
  const title = documentTitles[documentId];

  useEffect(() => {
    document.title = `${title} · Lastmile`;
  }, [title]);

  return (
    <AppFrame theme={theme}>
      <AppHeader />
      <main className={styles.main}>
        {documentId === 'privacy' ? <PrivacyStatement /> : <TermsOfUse />}
        <DocumentLinks current={documentId} />
      </main>
    </AppFrame>
  );
}
DocumentApp.displayName = 'DocumentApp';
