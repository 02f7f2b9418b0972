import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkflowsPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  filter: {
    minWidth: '240px',
    maxWidth: '100%',
  },
  groups: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXL,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
});
