import { makeStyles, tokens } from '@fluentui/react-components';

export const useTeamsAppStyles = makeStyles({
  failure: {
    maxWidth: '720px',
    marginInline: 'auto',
    padding: tokens.spacingHorizontalXXL,
  },
});
