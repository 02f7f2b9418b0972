import { makeStyles, tokens } from '@fluentui/react-components';

export const usePromptFormStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  body: {
    minHeight: '180px',
  },
  groupLabel: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  variables: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
});
