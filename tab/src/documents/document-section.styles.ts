import { makeStyles, tokens } from '@fluentui/react-components';

export const useDocumentSectionStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    maxWidth: '70ch',
  },
  title: {
    margin: 0,
  },
  // The sections' content is plain prose markup, so it is styled here rather than element by element.
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    '& p': {
      margin: 0,
    },
    '& ul': {
      margin: 0,
      paddingInlineStart: tokens.spacingHorizontalXL,
      display: 'flex',
      flexDirection: 'column',
      rowGap: tokens.spacingVerticalXS,
    },
    '& strong': {
      fontWeight: tokens.fontWeightSemibold,
    },
  },
});
