import { Combobox, Field, Option } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import { useFormControlStyles } from './form-controls.styles.js';
import { availableTimeZones, matchTimeZones } from './time-zones.js';

// Enough to scan; typing narrows the 400-odd zones quickly.
const shownLimit = 50;

export interface TimeZoneComboboxProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (zone: string) => void;
  readonly hint?: string;
  readonly validationMessage?: string | undefined;
  readonly required?: boolean;
}

/** Picks an IANA time zone by typing part of its name (`london`, `new york`). */
export function TimeZoneCombobox({
  label,
  value,
  onChange,
  hint,
  validationMessage,
  required = false,
}: TimeZoneComboboxProps): JSX.Element {
  const controls = useFormControlStyles();
  const zones = useMemo(availableTimeZones, []);
  const [open, setOpen] = useState(false);
  // What is typed while the list is open; closed, the box shows the chosen zone.
  const [query, setQuery] = useState<string | undefined>(undefined);
  const matches = matchTimeZones(zones, query ?? '', shownLimit);
  return (
    <Field
      label={label}
      required={required}
      {...(hint === undefined ? {} : { hint })}
      validationMessage={validationMessage ?? null}
    >
      <Combobox
        className={controls.fill}
        input={{ className: controls.fillInput }}
        open={open}
        value={query ?? value}
        selectedOptions={[value]}
        placeholder="Type a city or region, e.g. London"
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) setQuery(undefined);
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          // Typing text that matches no option clears the selection; the chosen zone stays.
          if (!data.optionValue) return;
          onChange(data.optionValue);
          setQuery(undefined);
        }}
      >
        {matches.shown.map((zone) => (
          <Option key={zone} value={zone}>
            {zone}
          </Option>
        ))}
        {matches.shown.length === 0 ? (
          <Option disabled value="" text="No time zone matches">
            No time zone matches
          </Option>
        ) : null}
        {matches.more > 0 ? (
          <Option disabled value="" text={`${matches.more} more: keep typing to narrow`}>
            {`${matches.more} more: keep typing to narrow`}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
TimeZoneCombobox.displayName = 'TimeZoneCombobox';
