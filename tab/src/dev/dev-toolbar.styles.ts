import { makeStyles, tokens } from '@fluentui/react-components';

export const useDevToolbarStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground4,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inner: {
    maxWidth: '1120px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalS,
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  intro: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    maxWidth: '52ch',
    paddingBottom: tokens.spacingVerticalXS,
  },
  badge: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
  introText: {
    color: tokens.colorNeutralForeground2,
  },
  controls: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
});
