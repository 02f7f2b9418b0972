import { makeStyles } from '@fluentui/react-components';

/**
 * Fluent's dropdowns, comboboxes and search boxes keep a minimum width of their own, which spills
 * them out of grid cells on narrow screens; in a form grid they take the cell's width instead.
 */
export const useFormControlStyles = makeStyles({
  fill: {
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  // A combobox's text box sits in a grid column that would otherwise keep its natural width.
  fillInput: {
    width: '100%',
    minWidth: 0,
  },
});
