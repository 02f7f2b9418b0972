import { makeStyles, tokens } from '@fluentui/react-components';

export const useHowItWorksStyles = makeStyles({
  title: {
    display: 'block',
    margin: 0,
    marginBottom: tokens.spacingVerticalM,
  },
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  item: {
    display: 'flex',
  },
  card: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  stepTitle: {
    margin: 0,
  },
  text: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
});
