import { makeStyles, tokens } from '@fluentui/react-components';

export const useUserPickerStyles = makeStyles({
  field: {
    minWidth: '260px',
  },
  combobox: {
    minWidth: '260px',
  },
  listbox: {
    maxHeight: '320px',
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  secondary: {
    color: tokens.colorNeutralForeground3,
  },
});
