import type { JSX } from 'react';
import { usePromptBodyStyles } from './prompt-body.styles.js';
import { templateSegments } from './template-variables.js';

export interface PromptBodyProps {
  readonly body: string;
  readonly labelledBy?: string;
}

/** A prompt's full text with its `{{variables}}` marked. */
export function PromptBody({ body, labelledBy }: PromptBodyProps): JSX.Element {
  const styles = usePromptBodyStyles();
  return (
    <div className={styles.root} role="group" aria-labelledby={labelledBy}>
      {templateSegments(body).map((segment, index) =>
        segment.kind === 'variable' ? (
          <mark key={index} className={styles.variable}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
PromptBody.displayName = 'PromptBody';
