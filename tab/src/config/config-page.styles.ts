import { makeStyles, tokens } from '@fluentui/react-components';

export const useConfigPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '640px',
  },
  heading: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  title: {
    margin: 0,
  },
  intro: {
    margin: 0,
    maxWidth: '60ch',
    color: tokens.colorNeutralForeground2,
  },
});
