import { makeStyles, tokens } from '@fluentui/react-components';

/** What the "Audit log" section adds to the Program sections' shared layout. */
export const useAuditLogStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  weeks: {
    minWidth: '200px',
    maxWidth: '100%',
  },
  // The table scrolls sideways on its own, so the heading and buttons above it stay in view.
  surface: {
    overflowX: 'visible',
  },
  tableWrap: {
    overflowX: 'auto',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  table: {
    minWidth: '760px',
  },
  whenColumn: {
    width: '12em',
  },
  signInColumn: {
    width: '8em',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
  // A cell's main text with a smaller line under it: roles under a name, the route under its words.
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  secondary: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  none: {
    color: tokens.colorNeutralForeground3,
  },
});
