import { makeStyles, tokens } from '@fluentui/react-components';

export const useLatestPromptStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  title: {
    margin: 0,
  },
});
