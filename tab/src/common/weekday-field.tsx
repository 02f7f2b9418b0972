import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { JSX } from 'react';
import { type Weekday, weekdaySchema } from '../../../src/contracts/lessons.js';
import { useFormControlStyles } from './form-controls.styles.js';
import { weekdayChoices, weekdayLabel } from './weekdays.js';

export interface WeekdayFieldProps {
  readonly label: string;
  readonly value: Weekday;
  readonly onChange: (day: Weekday) => void;
  readonly required?: boolean;
  readonly className?: string;
  readonly validationMessage: string | undefined;
}

/** A lesson day, chosen from the days of the week in calendar order. */
export function WeekdayField(props: WeekdayFieldProps): JSX.Element {
  const controls = useFormControlStyles();
  return (
    <Field
      label={props.label}
      required={props.required ?? false}
      {...(props.className === undefined ? {} : { className: props.className })}
      validationMessage={props.validationMessage ?? null}
    >
      <Dropdown
        className={controls.fill}
        value={weekdayLabel(props.value)}
        selectedOptions={[props.value]}
        onOptionSelect={(_, data) => {
          const day = weekdaySchema.safeParse(data.optionValue);
          if (day.success) props.onChange(day.data);
        }}
      >
        {weekdayChoices.map((day) => (
          <Option key={day.value} value={day.value}>
            {day.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
WeekdayField.displayName = 'WeekdayField';
