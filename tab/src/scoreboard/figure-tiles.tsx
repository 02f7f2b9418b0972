import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useFigureTilesStyles } from './figure-tiles.styles.js';

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

export interface FigureTilesProps {
  /** Names the list for assistive technology. */
  readonly label: string;
  readonly figures: readonly Figure[];
}

/** Headline figures as a grid of tiles: a label, a large value, a short note. */
export function FigureTiles({ label, figures }: FigureTilesProps): JSX.Element {
  const styles = useFigureTilesStyles();
  return (
    <dl className={styles.grid} aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label} className={styles.tile}>
          <dt className={styles.label}>{figure.label}</dt>
          <dd className={styles.valueCell}>
            <Text size={600} weight="semibold" className={styles.value}>
              {figure.value}
            </Text>
            {figure.note ? (
              <Text size={200} className={styles.note}>
                {figure.note}
              </Text>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
FigureTiles.displayName = 'FigureTiles';
