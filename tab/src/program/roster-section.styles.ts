import { makeStyles, tokens } from '@fluentui/react-components';

export const useRosterSectionStyles = makeStyles({
  // The native file input does the picking; the Fluent button in front of it is what people see.
  fileInput: {
    display: 'none',
  },
  picker: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  columns: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  columnName: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground1,
  },
  lineColumn: {
    width: '6em',
  },
});
