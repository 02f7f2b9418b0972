import { makeStyles } from '@fluentui/react-components';

export const useThemeSwitchStyles = makeStyles({
  field: {
    minWidth: '160px',
  },
  dropdown: {
    minWidth: '160px',
  },
});
