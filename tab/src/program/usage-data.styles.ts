import { makeStyles, tokens } from '@fluentui/react-components';

/** What the "Usage data" section adds to the Program sections' shared layout. */
export const useUsageDataStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  nameField: {
    minWidth: '240px',
    flexGrow: 1,
    maxWidth: '420px',
  },
  secret: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  secretInput: {
    flexGrow: 1,
    minWidth: '280px',
  },
  secretText: {
    fontFamily: tokens.fontFamilyMonospace,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});
