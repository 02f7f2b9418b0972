import { makeStyles, tokens } from '@fluentui/react-components';

export const useProgramOverviewSectionStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  title: {
    margin: 0,
  },
  tables: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 1fr) minmax(300px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 720px)': {
      gridTemplateColumns: '1fr',
    },
  },
});
