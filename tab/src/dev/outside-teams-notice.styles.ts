import { makeStyles, tokens } from '@fluentui/react-components';

export const useOutsideTeamsNoticeStyles = makeStyles({
  root: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
  card: {
    maxWidth: '520px',
    padding: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  brand: {
    margin: 0,
    color: tokens.colorBrandForeground1,
  },
  title: {
    margin: 0,
  },
  text: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
});
