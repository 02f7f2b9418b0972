import { makeStyles, tokens } from '@fluentui/react-components';

export const useTableCardStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Invisible in light and dark, a real outline in high contrast (where shadows vanish).
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    minWidth: 0,
  },
  title: {
    margin: 0,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
  },
});
