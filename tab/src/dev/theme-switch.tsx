import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { JSX } from 'react';
import {
  isThemePreference,
  themePreferenceLabels,
  themePreferences,
  type ThemePreference,
} from '../theme/theme-name.js';
import { useThemeSwitchStyles } from './theme-switch.styles.js';

export interface ThemeSwitchProps {
  readonly preference: ThemePreference;
  readonly onChange: (preference: ThemePreference) => void;
}

/** Previews Teams' light, dark and high-contrast themes outside Teams. */
export function ThemeSwitch({ preference, onChange }: ThemeSwitchProps): JSX.Element {
  const styles = useThemeSwitchStyles();
  return (
    <Field label="Theme" className={styles.field}>
      <Dropdown
        className={styles.dropdown}
        value={themePreferenceLabels[preference]}
        selectedOptions={[preference]}
        onOptionSelect={(_, data) => {
          if (isThemePreference(data.optionValue)) onChange(data.optionValue);
        }}
      >
        {themePreferences.map((option) => (
          <Option key={option} value={option}>
            {themePreferenceLabels[option]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
ThemeSwitch.displayName = 'ThemeSwitch';
