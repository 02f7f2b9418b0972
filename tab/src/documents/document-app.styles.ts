import { makeStyles, tokens } from '@fluentui/react-components';

export const useDocumentAppStyles = makeStyles({
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1120px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
});
