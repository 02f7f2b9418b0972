import { makeStyles, tokens } from '@fluentui/react-components';

export const useFigureTilesStyles = makeStyles({
  grid: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  // Drawn like a Fluent Card, but a plain div keeps the dl > div > dt + dd structure valid.
  tile: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Invisible in light and dark, a real outline in high contrast (where shadows vanish).
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    breakInside: 'avoid',
  },
  label: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  valueCell: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  value: {
    color: tokens.colorNeutralForeground1,
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});
