import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ImprovementStatus } from '../../../src/contracts/feedback.js';
import { improvementStatusLabels } from './improvement-format.js';

const colourOf: Readonly<Record<ImprovementStatus, NonNullable<BadgeProps['color']>>> = {
  new: 'informative',
  planned: 'warning',
  done: 'success',
  'pushed-to-vendor': 'brand',
  declined: 'subtle',
};

export interface ImprovementStatusBadgeProps {
  readonly status: ImprovementStatus;
}

/** A suggestion's status in words, tinted; the words carry the meaning, the colour only helps. */
export function ImprovementStatusBadge({ status }: ImprovementStatusBadgeProps): JSX.Element {
  return (
    <Badge appearance="tint" color={colourOf[status]} shape="rounded">
      {improvementStatusLabels[status]}
    </Badge>
  );
}
ImprovementStatusBadge.displayName = 'ImprovementStatusBadge';
