import { makeStyles, tokens } from '@fluentui/react-components';

export const usePageChoiceStyles = makeStyles({
  group: {
    rowGap: tokens.spacingVerticalXS,
  },
  label: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  // Fluent greys an unchecked radio's label; the page's name stays readable above its description.
  name: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  description: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  audience: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});
