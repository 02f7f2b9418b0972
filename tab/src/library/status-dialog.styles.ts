import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatusDialogStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});
