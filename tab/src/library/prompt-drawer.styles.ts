import { makeStyles, tokens } from '@fluentui/react-components';

export const usePromptDrawerStyles = makeStyles({
  headerMeta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  title: {
    overflowWrap: 'anywhere',
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  tabs: {
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
    overflowX: 'auto',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  // The panels' display rule would otherwise beat the `hidden` attribute.
  hidden: {
    display: 'none',
  },
  sectionHeading: {
    margin: 0,
  },
});
