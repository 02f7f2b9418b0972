import { makeStyles, tokens } from '@fluentui/react-components';

export const useJobFamiliesTableStyles = makeStyles({
  nameColumn: {
    width: '30%',
    fontWeight: tokens.fontWeightSemibold,
  },
  description: {
    paddingBlock: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
});
