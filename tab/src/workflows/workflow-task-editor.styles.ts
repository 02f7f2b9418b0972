import { makeStyles, tokens } from '@fluentui/react-components';

/** The task editor's own part; the rest of its layout is the shared editor styles. */
export const useWorkflowTaskEditorStyles = makeStyles({
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});
