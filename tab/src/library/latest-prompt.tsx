import { Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptView } from '../../../src/contracts/prompts.js';
import { useLatestPromptStyles } from './latest-prompt.styles.js';
import { PromptBody } from './prompt-body.js';

export interface LatestPromptProps {
  readonly prompt: PromptView;
}

/** The version someone else saved, shown beside a conflict so the choice is an informed one. */
export function LatestPrompt({ prompt }: LatestPromptProps): JSX.Element {
  const styles = useLatestPromptStyles();
  return (
    <div className={styles.root} role="group" aria-label={`Latest version (${prompt.version})`}>
      <Text weight="semibold">Latest version ({prompt.version})</Text>
      <Text as="p" className={styles.title}>
        Title: {prompt.title}
      </Text>
      <PromptBody body={prompt.body} />
    </div>
  );
}
LatestPrompt.displayName = 'LatestPrompt';
