import { makeStyles, tokens } from '@fluentui/react-components';

export const useHomePageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXL,
  },
});
