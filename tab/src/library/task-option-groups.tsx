import { Option, OptionGroup } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { TaskGroup } from './library-options.js';

/** The mapped tasks as a dropdown's options, grouped under their departments. */
export function taskOptionGroups(groups: readonly TaskGroup[]): JSX.Element[] {
  return groups.map((group) => (
    <OptionGroup key={group.department.id} label={group.department.name}>
      {group.tasks.map((task) => (
        <Option key={task.id} value={task.id}>
          {task.name}
        </Option>
      ))}
    </OptionGroup>
  ));
}
