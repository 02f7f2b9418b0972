import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppHeaderStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
  },
  inner: {
    maxWidth: '1120px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingTop: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  // Without the navigation under it, the brand row needs the bottom padding the tabs give it.
  innerAlone: {
    paddingBottom: tokens.spacingVerticalL,
  },
  topRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
  },
  // The product mark: a brand-coloured tile with a corner stroke, drawn with borders only.
  mark: {
    width: '32px',
    height: '32px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    position: 'relative',
    '::after': {
      content: '""',
      position: 'absolute',
      left: '9px',
      top: '8px',
      width: '13px',
      height: '14px',
      borderLeft: `3px solid ${tokens.colorNeutralForegroundOnBrand}`,
      borderBottom: `3px solid ${tokens.colorNeutralForegroundOnBrand}`,
      borderBottomLeftRadius: tokens.borderRadiusSmall,
    },
  },
  brandText: {
    display: 'flex',
    flexDirection: 'column',
  },
  title: {
    margin: 0,
    lineHeight: tokens.lineHeightBase500,
  },
  tagline: {
    color: tokens.colorNeutralForeground3,
  },
});
