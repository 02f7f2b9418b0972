import { Badge, Link, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptView } from '../../../src/contracts/prompts.js';
import { pageHash } from '../routes/hash-route.js';
import type { LibraryOptions } from './library-options.js';
import { usePromptCardStyles } from './prompt-card.styles.js';
import { namesFor, snippet, usageText } from './prompt-text.js';
import { StatusBadge } from './status-badge.js';

export interface PromptCardProps {
  readonly prompt: PromptView;
  readonly options: LibraryOptions;
  /** The library's query string, kept in the prompt's link so closing it returns to these results. */
  readonly query: string | undefined;
}

/** One search result: enough to choose a prompt; its link opens the full prompt. */
export function PromptCard({ prompt, options, query }: PromptCardProps): JSX.Element {
  const styles = usePromptCardStyles();
  // Focus returns to this link when the prompt's panel closes.
  const restoreFocus = useRestoreFocusTarget();
  const titleId = `prompt-result-${prompt.id}`;
  const families = namesFor(prompt.jobFamilyIds, options.jobFamilies);
  return (
    <article aria-labelledby={titleId} className={styles.root}>
      <div className={styles.header}>
        <Text as="h3" id={titleId} className={styles.title}>
          <Link href={pageHash('library', prompt.id, query)} {...restoreFocus}>
            {prompt.title}
          </Link>
        </Text>
        <StatusBadge status={prompt.status} />
      </div>
      <Text as="p" className={styles.snippet}>
        {snippet(prompt.body)}
      </Text>
      <div className={styles.meta}>
        {families.length > 0 ? <Text size={200}>For {families.join(', ')}</Text> : null}
        {prompt.tags.length > 0 ? (
          <ul aria-label="Tags" className={styles.tags}>
            {prompt.tags.map((tag) => (
              <li key={tag}>
                <Badge appearance="outline" color="informative" shape="rounded">
                  {tag}
                </Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <Text size={200}>{usageText(prompt.usageCount)}</Text>
        <Text size={200}>
          👍 {prompt.ratingUp} · 👎 {prompt.ratingDown}
        </Text>
      </div>
    </article>
  );
}
PromptCard.displayName = 'PromptCard';
