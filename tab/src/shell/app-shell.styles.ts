import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppShellStyles = makeStyles({
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1120px',
    marginInline: 'auto',
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXXL,
  },
  panel: {
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.spacingHorizontalXS,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
});
