import { makeStyles, tokens } from '@fluentui/react-components';

export const useFlagsStyles = makeStyles({
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
    minWidth: '180px',
    maxWidth: '100%',
  },
  tableWrap: {
    overflowX: 'auto',
  },
  text: {
    overflowWrap: 'anywhere',
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  quote: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  // Fluent's Text is inline: a heading and its paragraph would run together on one line.
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    '& > *': {
      marginTop: 0,
      marginBottom: 0,
    },
  },
  views: {
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
    overflowX: 'auto',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  listbox: {
    maxHeight: '320px',
  },
  person: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
});
