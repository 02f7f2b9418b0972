import { Badge, Card, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PageDefinition } from '../routes/pages.js';
import { PageHeading } from './page-heading.js';
import { usePlaceholderPageStyles } from './placeholder-page.styles.js';

export interface PlaceholderPageProps {
  readonly page: PageDefinition;
}

/** An honest empty state for a page whose feature has not shipped: what it will hold, no sample data. */
export function PlaceholderPage({ page }: PlaceholderPageProps): JSX.Element {
  const styles = usePlaceholderPageStyles();
  const headingId = `${page.id}-will-hold`;
  return (
    <section aria-labelledby={`${page.id}-title`} className={styles.root}>
      <PageHeading
        id={`${page.id}-title`}
        title={page.title}
        description={page.purpose}
        aside={
          <Badge appearance="tint" color="informative">
            Coming soon
          </Badge>
        }
      />
      <Card className={styles.card}>
        <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
          What this page will hold
        </Text>
        <ul aria-labelledby={headingId} className={styles.list}>
          {page.willHold.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <Text as="p" className={styles.note}>
          Nothing to show yet: this part of Lastmile arrives in an upcoming release. Until then the
          page stays empty rather than showing made-up figures.
        </Text>
      </Card>
    </section>
  );
}
PlaceholderPage.displayName = 'PlaceholderPage';
