import { Text } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import type { PageDefinition, PageId } from '../routes/pages.js';
import { useConfigPageStyles } from './config-page.styles.js';
import { PageChoice } from './page-choice.js';

export interface ConfigPageProps {
  readonly pages: readonly PageDefinition[];
  readonly selected: PageId | undefined;
  readonly onSelect: (page: PageId) => void;
  /** What the host has to say about saving (the dev preview cannot save). */
  readonly note?: ReactNode;
}

/**
 * The configurable tab's settings. Teams shows it in its own dialog, with its own title and Save
 * button, so the page carries no navigation and no Save button of its own.
 */
export function ConfigPage({ pages, selected, onSelect, note }: ConfigPageProps): JSX.Element {
  const styles = useConfigPageStyles();
  return (
    <section aria-labelledby="config-title" className={styles.root}>
      <div className={styles.heading}>
        <Text as="h1" id="config-title" size={600} weight="semibold" className={styles.title}>
          Choose what this tab shows
        </Text>
        <Text as="p" className={styles.intro}>
          Everyone in this channel, chat or meeting sees the same page when they open the tab. From
          there, each person can reach the rest of Lastmile that their role allows.
        </Text>
      </div>
      {note}
      <PageChoice pages={pages} selected={selected} onSelect={onSelect} />
    </section>
  );
}
ConfigPage.displayName = 'ConfigPage';
