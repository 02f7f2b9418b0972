import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { PromptStatus } from '../../../src/contracts/prompts.js';
import { statusLabels } from './prompt-permissions.js';

const colourOf: Readonly<Record<PromptStatus, NonNullable<BadgeProps['color']>>> = {
  draft: 'informative',
  'in-review': 'warning',
  published: 'success',
  retired: 'subtle',
};

export interface StatusBadgeProps {
  readonly status: PromptStatus;
}

/** A prompt's status in words, tinted; the words carry the meaning, the colour only helps. */
export function StatusBadge({ status }: StatusBadgeProps): JSX.Element {
  return (
    <Badge appearance="tint" color={colourOf[status]} shape="rounded">
      {statusLabels[status]}
    </Badge>
  );
}
StatusBadge.displayName = 'StatusBadge';
