import { Tab, TabList, type SelectTabData } from '@fluentui/react-components';
import type { JSX } from 'react';
import { isPageId, type PageDefinition, type PageId } from '../routes/pages.js';
import { usePageNavStyles } from './page-nav.styles.js';

export const pagePanelId = 'lastmile-page';

export function tabIdFor(page: PageId): string {
  return `lastmile-tab-${page}`;
}

export interface PageNavProps {
  readonly pages: readonly PageDefinition[];
  readonly selected: PageId | undefined;
  readonly onNavigate: (page: PageId) => void;
}

/** The page tabs: arrow keys move between them, Enter or Space opens one (Fluent's TabList). */
export function PageNav({ pages, selected, onNavigate }: PageNavProps): JSX.Element {
  const styles = usePageNavStyles();
  const onTabSelect = (_: unknown, data: SelectTabData): void => {
    if (isPageId(data.value)) onNavigate(data.value);
  };
  return (
    <nav aria-label="Lastmile pages" className={styles.root}>
      <TabList selectedValue={selected ?? null} onTabSelect={onTabSelect}>
        {pages.map((page) => (
          <Tab key={page.id} value={page.id} id={tabIdFor(page.id)} aria-controls={pagePanelId}>
            {page.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
PageNav.displayName = 'PageNav';
