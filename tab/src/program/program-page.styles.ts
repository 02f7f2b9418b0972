import { makeStyles, tokens } from '@fluentui/react-components';

export const useProgramPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  sections: {
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
    overflowX: 'auto',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
});
