import { Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptView } from '../../../src/contracts/prompts.js';
import type { PagedList } from '../api/use-paged-list.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import type { LibraryOptions } from './library-options.js';
import { PromptCard } from './prompt-card.js';
import { usePromptResultsStyles } from './prompt-results.styles.js';

export interface PromptResultsProps {
  readonly results: PagedList<PromptView>;
  readonly options: LibraryOptions;
  readonly query: string | undefined;
  readonly filtered: boolean;
  readonly onClearFilters: () => void;
  readonly onPropose: () => void;
}

function countText(shown: number, more: boolean): string {
  const prompts = shown === 1 ? 'prompt' : 'prompts';
  return more ? `Showing the first ${shown} ${prompts}` : `${shown} ${prompts}`;
}

export function PromptResults({
  results,
  options,
  query,
  filtered,
  onClearFilters,
  onPropose,
}: PromptResultsProps): JSX.Element {
  const styles = usePromptResultsStyles();
  if (results.status === 'loading') return <LoadingState label="Searching the library" />;
  if (results.status === 'error' && results.problem) {
    return <ProblemMessageBar problem={results.problem} onRetry={results.reload} />;
  }
  return (
    <section aria-label="Search results" className={styles.root}>
      <Text role="status" className={styles.count}>
        {countText(results.items.length, results.hasMore)}
      </Text>
      {results.items.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">No prompts match</Text>
          <Text>
            {filtered
              ? 'Try fewer words or clear the filters. If the prompt you need does not exist yet, propose it.'
              : 'The library is empty so far. Propose the first prompt that works for you.'}
          </Text>
          <div className={styles.emptyActions}>
            <Button appearance="primary" onClick={onPropose}>
              Propose a prompt
            </Button>
            {filtered ? <Button onClick={onClearFilters}>Clear filters</Button> : null}
          </div>
        </div>
      ) : (
        <ul className={styles.list}>
          {results.items.map((prompt) => (
            <li key={prompt.id}>
              <PromptCard prompt={prompt} options={options} query={query} />
            </li>
          ))}
        </ul>
      )}
      {results.moreProblem ? (
        <ProblemMessageBar problem={results.moreProblem} onRetry={results.loadMore} />
      ) : null}
      {results.hasMore ? (
        <div className={styles.more}>
          <Button disabledFocusable={results.loadingMore} onClick={results.loadMore}>
            {results.loadingMore ? 'Loading more…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
PromptResults.displayName = 'PromptResults';
