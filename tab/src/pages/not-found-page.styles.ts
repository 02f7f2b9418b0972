import { makeStyles, tokens } from '@fluentui/react-components';

export const useNotFoundPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXL,
    maxWidth: '720px',
  },
});
