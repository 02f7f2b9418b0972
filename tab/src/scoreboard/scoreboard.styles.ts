import { makeStyles, tokens } from '@fluentui/react-components';

const surface = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalM,
  padding: tokens.spacingHorizontalL,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow4,
  // Invisible in light and dark, a real outline in high contrast (where shadows vanish).
  border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  minWidth: 0,
} as const;

export const useScoreboardStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  filter: {
    minWidth: '160px',
    maxWidth: '100%',
  },
  wideFilter: {
    minWidth: '260px',
    maxWidth: '100%',
  },
  card: surface,
  sectionHeading: {
    margin: 0,
  },
  sectionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  tableWrap: {
    overflowX: 'auto',
  },
  numeric: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  nameCell: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  nameColumn: {
    width: '22%',
  },
  // Badges and small buttons in table cells keep to one line.
  badge: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
  withheld: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
  chart: {
    width: '100%',
    minHeight: '320px',
  },
  // The chart library capitalises every word of a legend; department names keep their own case.
  legendText: {
    textTransform: 'none',
  },
  stragglers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  straggler: {
    ...surface,
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  dialogForm: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  // Sized by its content, so names stay on one line and many weeks scroll sideways.
  grid: {
    tableLayout: 'auto',
    minWidth: 'max-content',
  },
  person: {
    whiteSpace: 'nowrap',
  },
  weekHead: {
    textAlign: 'center',
  },
  check: {
    textAlign: 'center',
    fontSize: tokens.fontSizeBase400,
  },
  active: {
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  inactive: {
    color: tokens.colorNeutralForeground4,
  },
});
