import { Badge } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { LessonStatus } from '../../../src/contracts/lessons.js';

export const lessonStatusLabels: Readonly<Record<LessonStatus, string>> = {
  draft: 'Draft',
  published: 'Published',
};

export interface LessonStatusBadgeProps {
  readonly status: LessonStatus;
}

/** Whether a lesson reaches people yet; the word carries the meaning, the tint only helps. */
export function LessonStatusBadge({ status }: LessonStatusBadgeProps): JSX.Element {
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      color={status === 'published' ? 'success' : 'informative'}
    >
      {lessonStatusLabels[status]}
    </Badge>
  );
}
LessonStatusBadge.displayName = 'LessonStatusBadge';
