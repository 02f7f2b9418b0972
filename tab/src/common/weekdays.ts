import { weekdays, type Weekday } from '../../../src/contracts/lessons.js';

const labels: Readonly<Record<Weekday, string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export function weekdayLabel(day: Weekday): string {
  return labels[day];
}

/** The days in calendar order, as a lesson-day picker offers them. */
export const weekdayChoices: readonly { readonly value: Weekday; readonly label: string }[] =
  weekdays.map((value) => ({ value, label: labels[value] }));
