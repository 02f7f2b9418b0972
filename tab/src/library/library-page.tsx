import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import { promptPageSchema, type PromptView } from '../../../src/contracts/prompts.js';
import { workflowListSchema } from '../../../src/contracts/workflows.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useDebouncedValue } from '../common/use-debounced-value.js';
import { PageHeading } from '../pages/page-heading.js';
import { pageHash } from '../routes/hash-route.js';
import { openHash } from '../routes/use-hash-route.js';
import { FilterBar } from './filter-bar.js';
import {
  defaultLibraryFilters,
  filtersFromQuery,
  isFiltered,
  promptSearchPath,
  type LibraryFilters,
} from './library-filters.js';
import { libraryOptions } from './library-options.js';
import { useLibraryPageStyles } from './library-page.styles.js';
import { PromptDrawer } from './prompt-drawer.js';
import { PromptResults } from './prompt-results.js';
import { reviewQueuePath } from './prompt-requests.js';
import { ProposeDrawer } from './propose-drawer.js';
import { ReviewQueue } from './review-queue.js';

export interface LibraryPageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
  /** The prompt a deep link opens (`#/library/<promptId>`). */
  readonly promptId: string | undefined;
  /** The deep link's query string: filters to start from (`#/library?task=t1`). */
  readonly query: string | undefined;
}

const typingPauseMs = 300;

type LibraryView = 'browse' | 'review';

/** The prompt library: search and filters, one prompt at a time, proposals and their review. */
export function LibraryPage({
  client,
  me,
  program,
  promptId,
  query,
}: LibraryPageProps): JSX.Element {
  const styles = useLibraryPageStyles();
  const restoreFocus = useRestoreFocusTarget();
  const workflows = useApiQuery(client, '/api/workflows', workflowListSchema);
  const overview = program.state.status === 'success' ? program.state.data : undefined;
  const tasks = workflows.state.status === 'success' ? workflows.state.data.items : undefined;
  const options = useMemo(() => libraryOptions(overview, tasks), [overview, tasks]);

  // The filters start from the deep link, and start again when a new link names others.
  const [filters, setFilters] = useState<LibraryFilters>(() => filtersFromQuery(query));
  const [linkQuery, setLinkQuery] = useState(query);
  if (linkQuery !== query) {
    setLinkQuery(query);
    setFilters(filtersFromQuery(query));
  }
  const searched = useDebouncedValue(filters, typingPauseMs);
  const results = usePagedList(client, promptSearchPath(searched), promptPageSchema);
  const queue = usePagedList(client, reviewQueuePath, promptPageSchema);

  const [view, setView] = useState<LibraryView>('browse');
  const [proposing, setProposing] = useState(false);
  const [proposed, setProposed] = useState<PromptView | undefined>(undefined);

  // Champions and admins review everyone's proposals, so their queue shows even when it is empty.
  const reviewsAll = me.roles.some((role) => role === 'champion' || role === 'admin');
  const showQueue = reviewsAll || (queue.status === 'success' && queue.items.length > 0);
  const tagSuggestions = useMemo(
    () => [...new Set(results.items.flatMap((prompt) => prompt.tags))].sort(),
    [results.items],
  );

  const changed = (prompt: PromptView): void => {
    results.patch((items) => items.map((item) => (item.id === prompt.id ? prompt : item)));
    if (prompt.status !== 'in-review') {
      queue.patch((items) => items.filter((item) => item.id !== prompt.id));
    } else if (queue.items.some((item) => item.id === prompt.id)) {
      queue.patch((items) => items.map((item) => (item.id === prompt.id ? prompt : item)));
    } else {
      queue.reload();
    }
  };

  return (
    <section aria-labelledby="library-title" className={styles.root}>
      <PageHeading
        id="library-title"
        title="Prompt library"
        description="Prompts that work for your job, built together. Fill in a prompt's variables and copy it into your AI tool; propose the ones that work for you."
        aside={
          <Button appearance="primary" {...restoreFocus} onClick={() => setProposing(true)}>
            Propose a prompt
          </Button>
        }
      />
      <div role="status">
        {proposed ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {proposed.status === 'in-review' ? 'Thanks for proposing a prompt' : 'Draft saved'}
              </MessageBarTitle>
              {proposed.status === 'in-review'
                ? `“${proposed.title}” is waiting for review. The library owner will publish it or send it back with a note.`
                : `“${proposed.title}” is saved as a draft. Submit it for review when it is ready.`}{' '}
              <Link href={pageHash('library', proposed.id, query)}>Open it</Link>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {showQueue ? (
        <TabList
          className={styles.views}
          selectedValue={view}
          aria-label="Library views"
          onTabSelect={(_, data) => setView(data.value === 'review' ? 'review' : 'browse')}
        >
          <Tab value="browse" id="library-view-browse">
            Browse
          </Tab>
          <Tab value="review" id="library-view-review">
            {queue.status === 'success'
              ? `Review queue (${queue.items.length}${queue.hasMore ? '+' : ''})`
              : 'Review queue'}
          </Tab>
        </TabList>
      ) : null}
      {view === 'browse' || !showQueue ? (
        <div
          className={styles.panel}
          {...(showQueue ? { role: 'tabpanel', 'aria-labelledby': 'library-view-browse' } : {})}
        >
          <FilterBar
            filters={filters}
            onChange={setFilters}
            options={options}
            tagSuggestions={tagSuggestions}
          />
          <PromptResults
            results={results}
            options={options}
            query={query}
            filtered={isFiltered(searched)}
            onClearFilters={() => setFilters(defaultLibraryFilters)}
            onPropose={() => setProposing(true)}
          />
        </div>
      ) : (
        <div className={styles.panel} role="tabpanel" aria-labelledby="library-view-review">
          <ReviewQueue client={client} me={me} queue={queue} query={query} onDecided={changed} />
        </div>
      )}
      {promptId !== undefined ? (
        <PromptDrawer
          key={promptId}
          client={client}
          me={me}
          promptId={promptId}
          options={options}
          onChanged={changed}
          onClose={() => openHash(pageHash('library', undefined, query))}
        />
      ) : null}
      {proposing ? (
        <ProposeDrawer
          client={client}
          options={options}
          onClose={() => setProposing(false)}
          onProposed={(prompt) => {
            setProposing(false);
            setProposed(prompt);
            if (prompt.status === 'in-review') queue.reload();
          }}
        />
      ) : null}
    </section>
  );
}
LibraryPage.displayName = 'LibraryPage';
