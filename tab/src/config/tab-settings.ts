import { hashFor } from '../routes/hash-route.js';
import { homePage, isPageId, type PageDefinition, type PageId } from '../routes/pages.js';

/** What Teams stores for one configured tab (the fields of teams-js `pages.InstanceConfig`). */
export interface TabSettings {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

const entityPrefix = 'lastmile-';
const productName = 'Lastmile';

/**
 * The settings that open a configured tab on `page`. Home keeps the product's name; any other page
 * names Lastmile as well, so a channel tab called "Library" is not mistaken for another app's.
 */
export function tabSettingsFor(page: PageDefinition, origin: string): TabSettings {
  const url = `${origin}/${hashFor(page.id)}`;
  return {
    entityId: `${entityPrefix}${page.id}`,
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: page.id === homePage ? productName : `${productName} ${page.label}`,
  };
}

/** The page an existing tab opens on, read back from the entityId it was saved with. */
export function pageFromEntityId(entityId: string | undefined): PageId | undefined {
  if (!entityId?.startsWith(entityPrefix)) return undefined;
  const id = entityId.slice(entityPrefix.length);
  return isPageId(id) ? id : undefined;
}

/**
 * The choice the configuration page starts with: what the tab already shows when someone changes
 * its settings and may still open it, otherwise the first page they may open (Home).
 */
export function initialChoice(
  choices: readonly PageDefinition[],
  saved: PageId | undefined,
): PageId | undefined {
  if (saved && choices.some((page) => page.id === saved)) return saved;
  return choices[0]?.id;
}
