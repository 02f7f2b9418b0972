import { Link } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptView } from '../../../src/contracts/prompts.js';
import { pageHash } from '../routes/hash-route.js';
import type { LibraryOptions } from './library-options.js';
import { usePromptDetailsStyles } from './prompt-details.styles.js';
import { formatDateTime, namesFor, usageText } from './prompt-text.js';

export interface PromptDetailsProps {
  readonly prompt: PromptView;
  readonly options: LibraryOptions;
}

/** Who owns a prompt, what it is for, and how much it is used. */
export function PromptDetails({ prompt, options }: PromptDetailsProps): JSX.Element {
  const styles = usePromptDetailsStyles();
  const families = namesFor(prompt.jobFamilyIds, options.jobFamilies);
  const row = (term: string, definition: JSX.Element | string): JSX.Element => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{definition}</dd>
    </>
  );
  return (
    <dl className={styles.root}>
      {row('Owner', prompt.ownerName ?? prompt.ownerId)}
      {row('Version', `${prompt.version}, saved ${formatDateTime(prompt.updatedAt)}`)}
      {row('Job families', families.length > 0 ? families.join(', ') : 'Any')}
      {row(
        'Workflow tasks',
        prompt.taskIds.length > 0 ? (
          <>
            {prompt.taskIds.map((taskId, index) => (
              <span key={taskId}>
                {index > 0 ? ', ' : null}
                <Link href={pageHash('library', undefined, `task=${encodeURIComponent(taskId)}`)}>
                  {namesFor([taskId], options.tasks)[0]}
                </Link>
              </span>
            ))}
          </>
        ) : (
          'None'
        ),
      )}
      {row('Tags', prompt.tags.length > 0 ? prompt.tags.join(', ') : 'None')}
      {row(
        'Use',
        `${usageText(prompt.usageCount)} · 👍 ${prompt.ratingUp} · 👎 ${prompt.ratingDown}`,
      )}
    </dl>
  );
}
PromptDetails.displayName = 'PromptDetails';
