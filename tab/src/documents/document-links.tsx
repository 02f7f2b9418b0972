import { Link, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { documentIds, hashFor, type DocumentId } from '../routes/hash-route.js';
import { homePage } from '../routes/pages.js';
import { useDocumentLinksStyles } from './document-links.styles.js';
import { documentTitles } from './document-titles.js';

export interface DocumentLinksProps {
  readonly current: DocumentId;
}

/** The way from one document to the other, and into the app. */
export function DocumentLinks({ current }: DocumentLinksProps): JSX.Element {
  const styles = useDocumentLinksStyles();
  return (
    <nav aria-label="Lastmile documents">
      <ul className={styles.list}>
        {documentIds.map((id) => (
          <li key={id}>
            {id === current ? (
              <Text aria-current="page" className={styles.current}>
                {documentTitles[id]}
              </Text>
            ) : (
              <Link href={hashFor(id)}>{documentTitles[id]}</Link>
            )}
          </li>
        ))}
        <li>
          <Link href={hashFor(homePage)}>Open Lastmile</Link>
        </li>
      </ul>
    </nav>
  );
}
DocumentLinks.displayName = 'DocumentLinks';
