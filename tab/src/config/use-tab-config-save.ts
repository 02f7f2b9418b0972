import { useEffect, useRef } from 'react';
import type { TabSettings } from './tab-settings.js';

/** What the configuration page needs from Teams' configuration dialog. */
export interface TabConfigSaver {
  /** Enables or disables the dialog's Save button. */
  setValidity(valid: boolean): void;
  /** Registers what Save stores; `settings` is read when Save is pressed, not when registered. */
  onSave(settings: () => TabSettings | undefined): void;
}

/**
 * Keeps the dialog's Save button and Save handler in step with the person's choice. The handler is
 * registered once and reads the latest choice, so a new choice never races a save in flight.
 */
export function useTabConfigSave(
  saver: TabConfigSaver | undefined,
  settings: TabSettings | undefined,
): void {
  const latest = useRef(settings);

  useEffect(() => {
    latest.current = settings;
    saver?.setValidity(settings !== undefined);
  }, [saver, settings]);

  useEffect(() => {
    saver?.onSave(() => latest.current);
  }, [saver]);
}
