import { makeStyles, tokens } from '@fluentui/react-components';

export const useProblemMessageBarStyles = makeStyles({
  root: {
    marginBlock: tokens.spacingVerticalM,
  },
  fields: {
    marginBlock: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});
