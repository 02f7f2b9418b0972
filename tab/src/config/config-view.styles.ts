import { makeStyles, tokens } from '@fluentui/react-components';

export const useConfigViewStyles = makeStyles({
  // Teams shows the page inside its own dialog surface, so the page uses that surface's colour.
  surface: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    width: '100%',
    maxWidth: '1120px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXL,
  },
});
