import { makeStyles, tokens } from '@fluentui/react-components';

export const useLibraryPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  views: {
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
    overflowX: 'auto',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
});
