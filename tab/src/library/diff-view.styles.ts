import { makeStyles, tokens } from '@fluentui/react-components';

export const useDiffViewStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  lines: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
  },
  line: {
    display: 'grid',
    gridTemplateColumns: '2ch 1fr',
    columnGap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorTransparentStroke}`,
  },
  same: {
    color: tokens.colorNeutralForeground2,
  },
  added: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    color: tokens.colorStatusSuccessForeground1,
    borderLeftColor: tokens.colorStatusSuccessBorderActive,
  },
  removed: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    borderLeftColor: tokens.colorStatusDangerBorderActive,
  },
  prefix: {
    fontWeight: tokens.fontWeightBold,
  },
  titleChange: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
});
