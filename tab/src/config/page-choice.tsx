import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { JSX } from 'react';
import { isPageId, type PageDefinition, type PageId } from '../routes/pages.js';
import { audienceText } from '../shell/role-labels.js';
import { usePageChoiceStyles } from './page-choice.styles.js';

export interface PageChoiceProps {
  /** The pages the person configuring the tab may open themselves. */
  readonly pages: readonly PageDefinition[];
  readonly selected: PageId | undefined;
  readonly onSelect: (page: PageId) => void;
}

/**
 * One radio per page, each with a sentence on what it holds. The sentence describes the radio
 * rather than naming it, so a screen reader announces "Library" and then the detail. Arrow keys
 * move between the radios, as for any radio group.
 */
export function PageChoice({ pages, selected, onSelect }: PageChoiceProps): JSX.Element {
  const styles = usePageChoiceStyles();
  return (
    <Field label="Open the tab on" required>
      <RadioGroup
        className={styles.group}
        value={selected ?? ''}
        onChange={(_, data) => {
          if (isPageId(data.value)) onSelect(data.value);
        }}
      >
        {pages.map((page) => {
          const nameId = `config-page-${page.id}`;
          const descriptionId = `${nameId}-description`;
          return (
            <Radio
              key={page.id}
              value={page.id}
              aria-labelledby={nameId}
              aria-describedby={descriptionId}
              label={{
                className: styles.label,
                children: (
                  <>
                    <span id={nameId} className={styles.name}>
                      {page.label}
                    </span>
                    <span id={descriptionId}>
                      <span className={styles.description}>{page.purpose}</span>
                      {page.audience === 'everyone' ? null : (
                        <span className={styles.audience}>
                          {' '}
                          Only {audienceText(page.audience)} can open it; others see a note instead.
                        </span>
                      )}
                    </span>
                  </>
                ),
              }}
            />
          );
        })}
      </RadioGroup>
    </Field>
  );
}
PageChoice.displayName = 'PageChoice';
