import { FluentProvider } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import { fluentThemeFor } from '../theme/fluent-themes.js';
import type { ThemeName } from '../theme/theme-name.js';
import { useAppFrameStyles, useGlobalStyles } from './app-frame.styles.js';

export interface AppFrameProps {
  readonly theme: ThemeName;
  readonly children: ReactNode;
}

/**
 * The themed surface every view renders into. The layout lives on an inner element because
 * FluentProvider copies its own className onto every portal (popups would cover the page).
 * `data-theme` names the theme for tests and tools.
 */
export function AppFrame({ theme, children }: AppFrameProps): JSX.Element {
  useGlobalStyles();
  const styles = useAppFrameStyles();
  return (
    <FluentProvider theme={fluentThemeFor(theme)} data-theme={theme}>
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}
AppFrame.displayName = 'AppFrame';
