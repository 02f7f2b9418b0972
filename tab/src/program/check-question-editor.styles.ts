import { makeStyles, tokens } from '@fluentui/react-components';

export const useCheckQuestionEditorStyles = makeStyles({
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
});
