import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

// The only page-wide rule: the browser's default body margin would frame the tab in white.
export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

export const useAppFrameStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
});
