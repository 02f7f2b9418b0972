import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Link,
  Option,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
} from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import {
  flagCategorySchema,
  flagListSchema,
  flagStateSchema,
  type FlagListQuery,
  type FlagView,
} from '../../../src/contracts/feedback.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { ProgramOverview } from '../../../src/contracts/program.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiQuery, type ApiQuery } from '../api/use-api-query.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { ImprovementsSection } from '../improvements/improvements-section.js';
import { PageHeading } from '../pages/page-heading.js';
import { FlagPanel } from './flag-panel.js';
import {
  categoryLabels,
  flagsPath,
  flagsViewFromQuery,
  formatAge,
  shorten,
  stateLabels,
  type FlagsPageView,
} from './flag-format.js';
import { useFlagsStyles } from './flags.styles.js';
import { RaiseFlagPanel } from './raise-flag-panel.js';

const anyValue = '';
const sortLabels = { oldest: 'Oldest first', newest: 'Newest first' } as const;

export interface FlagsPageProps {
  readonly client: ApiClient;
  readonly me: MeResponse;
  readonly program: ApiQuery<ProgramOverview>;
  /** The deep link's query string: `view=improvements` opens the suggestions. */
  readonly query?: string | undefined;
}

/**
 * Flags on AI output (members see their own, champions see all of them and triage), and beside
 * them the workflow improvements people suggested.
 */
export function FlagsPage({ client, me, program, query: link }: FlagsPageProps): JSX.Element {
  const styles = useFlagsStyles();
  const controls = useFormControlStyles();
  const [query, setQuery] = useState<FlagListQuery>({ sort: 'oldest' });
  const flags = useApiQuery(client, flagsPath(query), flagListSchema);
  const [selected, setSelected] = useState<FlagView | undefined>(undefined);
  const [raising, setRaising] = useState(false);
  const [message, setMessage] = useState('');
  const triager = me.roles.includes('champion');
  // The view starts from the deep link, and starts again when a new link names another.
  const [view, setView] = useState<FlagsPageView>(() => flagsViewFromQuery(link));
  const [seenLink, setSeenLink] = useState(link);
  if (seenLink !== link) {
    setSeenLink(link);
    setView(flagsViewFromQuery(link));
  }
  // exactOptionalPropertyTypes: a cleared filter is left out, not set to undefined.
  const change = (next: Partial<Record<keyof FlagListQuery, string | undefined>>): void => {
    const merged = { ...query, ...next };
    const state = flagStateSchema.safeParse(merged.state);
    const category = flagCategorySchema.safeParse(merged.category);
    setQuery({
      sort: merged.sort === 'newest' ? 'newest' : 'oldest',
      ...(state.success ? { state: state.data } : {}),
      ...(category.success ? { category: category.data } : {}),
      ...(merged.reviewer === 'me' ? { reviewer: 'me' } : {}),
    });
  };

  return (
    <section aria-labelledby="flags-title" className={styles.root}>
      <PageHeading
        id="flags-title"
        title="Flags"
        description={
          view === 'improvements'
            ? 'Ways to make a piece of work go better that people suggested, and what became of them.'
            : triager
              ? 'AI output people flagged as wrong, biased or unhelpful. Start a review, then record what was done: the flagger is told.'
              : 'AI output you flagged as wrong, biased or unhelpful, and what was done about it.'
        }
        aside={
          view === 'flags' ? (
            <Button appearance="primary" onClick={() => setRaising(true)}>
              Flag AI output
            </Button>
          ) : undefined
        }
      />
      <TabList
        className={styles.views}
        selectedValue={view}
        aria-label="Flags views"
        onTabSelect={(_, data) => setView(data.value === 'improvements' ? 'improvements' : 'flags')}
      >
        <Tab value="flags" id="flags-view-flags">
          Flags
        </Tab>
        <Tab value="improvements" id="flags-view-improvements">
          Improvements
        </Tab>
      </TabList>
      {view === 'improvements' ? (
        <div role="tabpanel" aria-labelledby="flags-view-improvements">
          <ImprovementsSection client={client} me={me} program={program} />
        </div>
      ) : (
        <div className={styles.panel} role="tabpanel" aria-labelledby="flags-view-flags">
          <div className={styles.toolbar} role="group" aria-label="Filters">
            <Field label="State" className={styles.filter}>
              <Dropdown
                className={controls.fill}
                value={query.state ? stateLabels[query.state] : 'Any state'}
                selectedOptions={[query.state ?? anyValue]}
                onOptionSelect={(_, data) => {
                  const parsed = flagStateSchema.safeParse(data.optionValue);
                  change({ state: parsed.success ? parsed.data : undefined });
                }}
              >
                <Option value={anyValue}>Any state</Option>
                {flagStateSchema.options.map((state) => (
                  <Option key={state} value={state}>
                    {stateLabels[state]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Category" className={styles.filter}>
              <Dropdown
                className={controls.fill}
                value={query.category ? categoryLabels[query.category] : 'Any category'}
                selectedOptions={[query.category ?? anyValue]}
                onOptionSelect={(_, data) => {
                  const parsed = flagCategorySchema.safeParse(data.optionValue);
                  change({ category: parsed.success ? parsed.data : undefined });
                }}
              >
                <Option value={anyValue}>Any category</Option>
                {flagCategorySchema.options.map((category) => (
                  <Option key={category} value={category}>
                    {categoryLabels[category]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Sort by age" className={styles.filter}>
              <Dropdown
                className={controls.fill}
                value={sortLabels[query.sort]}
                selectedOptions={[query.sort]}
                onOptionSelect={(_, data) =>
                  change({ sort: data.optionValue === 'newest' ? 'newest' : 'oldest' })
                }
              >
                <Option value="oldest">{sortLabels.oldest}</Option>
                <Option value="newest">{sortLabels.newest}</Option>
              </Dropdown>
            </Field>
            <Checkbox
              label="Assigned to me"
              checked={query.reviewer === 'me'}
              onChange={(_, data) => change({ reviewer: data.checked === true ? 'me' : undefined })}
            />
          </div>
          <div role="status">{message}</div>
          {flags.state.status === 'loading' ? <LoadingState label="Loading the flags" /> : null}
          {flags.state.status === 'error' ? (
            <ProblemMessageBar problem={flags.state.problem} onRetry={flags.retry} />
          ) : null}
          {flags.state.status === 'success' && flags.state.data.items.length === 0 ? (
            <Text>No flags match.</Text>
          ) : null}
          {flags.state.status === 'success' && flags.state.data.items.length > 0 ? (
            <div className={styles.tableWrap}>
              <Table aria-label="Flags">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Category</TableHeaderCell>
                    <TableHeaderCell>Flagged text</TableHeaderCell>
                    <TableHeaderCell>Flagged by</TableHeaderCell>
                    <TableHeaderCell>Reviewer</TableHeaderCell>
                    <TableHeaderCell>State</TableHeaderCell>
                    <TableHeaderCell>Age</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {flags.state.data.items.map((flag) => (
                    <TableRow key={flag.id}>
                      <TableCell>{categoryLabels[flag.category]}</TableCell>
                      <TableCell className={styles.text}>
                        <Link as="button" onClick={() => setSelected(flag)}>
                          {shorten(flag.outputText || flag.expected)}
                        </Link>
                      </TableCell>
                      <TableCell>{flag.flaggedByName ?? '—'}</TableCell>
                      <TableCell>{flag.reviewerName ?? 'Not assigned'}</TableCell>
                      <TableCell>{stateLabels[flag.state]}</TableCell>
                      <TableCell>{formatAge(flag.ageHours)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          {selected ? (
            <FlagPanel
              client={client}
              flag={selected}
              onClose={() => setSelected(undefined)}
              onChanged={(flag, news) => {
                setSelected(flag);
                setMessage(news);
                flags.retry();
              }}
            />
          ) : null}
          {raising ? (
            <RaiseFlagPanel
              client={client}
              onClose={() => setRaising(false)}
              onRaised={() => {
                setRaising(false);
                setMessage('Thank you: your flag was sent to the AI champions.');
                flags.retry();
              }}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
FlagsPage.displayName = 'FlagsPage';
