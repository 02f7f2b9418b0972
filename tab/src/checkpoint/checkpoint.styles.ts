import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

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
  breakInside: 'avoid',
} as const;

export const useCheckpointStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  period: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  card: surface,
  sectionHeading: {
    margin: 0,
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
  nameColumn: {
    minWidth: '14em',
  },
  // Sized by content, so short figures such as "Too few answers" never spill into the next column.
  autoTable: {
    tableLayout: 'auto',
  },
  withheld: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
  // The diagnosis leads the page: a brand-coloured edge marks it out in every theme.
  diagnosis: {
    ...surface,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  diagnosisList: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlockEnd: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    breakInside: 'avoid',
    ':last-child': {
      borderBottom: 'none',
      paddingBlockEnd: 0,
    },
  },
  findingHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  lookAt: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  counts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    justifyContent: 'start',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
  },
  // Keeps each dt + dd pair in one element (valid dl markup) without breaking the grid.
  countRow: {
    display: 'contents',
  },
  countLabel: {
    color: tokens.colorNeutralForeground2,
  },
  countValue: {
    margin: 0,
    fontVariantNumeric: 'tabular-nums',
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The attribute that marks the page while it is on screen, so the print rules apply to it only. */
export const printRootAttribute = 'data-print-root';

/**
 * Paper gets the checkpoint alone: no header, navigation or preview controls, no page buttons,
 * tables at full width, and ink colours whatever the theme on screen.
 */
export const useCheckpointPrintStyles = makeStaticStyles(`
@media print {
  body:has([${printRootAttribute}]) header,
  body:has([${printRootAttribute}]) nav,
  body:has([${printRootAttribute}]) section[aria-label='Preview controls'],
  [${printRootAttribute}] [data-print='hide'] {
    display: none !important;
  }
  [${printRootAttribute}] [data-print='expand'] {
    overflow: visible !important;
    max-height: none !important;
  }
  body:has([${printRootAttribute}]) main {
    max-width: none !important;
    padding: 0 !important;
  }
  body:has([${printRootAttribute}]),
  body:has([${printRootAttribute}]) * {
    color: CanvasText !important;
    background: transparent !important;
    box-shadow: none !important;
  }
}
`);
