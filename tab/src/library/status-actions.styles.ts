import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatusActionsStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});
