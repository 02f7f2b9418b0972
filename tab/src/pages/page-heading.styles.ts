import { makeStyles, tokens } from '@fluentui/react-components';

export const usePageHeadingStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  title: {
    margin: 0,
  },
  description: {
    margin: 0,
    maxWidth: '70ch',
    color: tokens.colorNeutralForeground2,
  },
});
