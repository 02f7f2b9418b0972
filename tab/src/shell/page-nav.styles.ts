import { makeStyles, tokens } from '@fluentui/react-components';

export const usePageNavStyles = makeStyles({
  root: {
    overflowX: 'auto',
    // Room for the focus ring, which the scroll container would otherwise clip.
    paddingBlock: tokens.spacingVerticalXS,
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
  },
});
