import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  useId,
} from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';

export interface SidePanelProps {
  readonly title: ReactNode;
  /** A line or two under the title. */
  readonly intro?: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** The title's element id, for content that names itself after the panel. */
  readonly titleId?: string;
}

/** A panel over the page from the right, with a titled header and a Close button. */
export function SidePanel(props: SidePanelProps): JSX.Element {
  const { title, intro, onClose, children } = props;
  const generatedId = useId('side-panel-title');
  const titleId = props.titleId ?? generatedId;
  return (
    <OverlayDrawer
      open
      position="end"
      size="medium"
      aria-labelledby={titleId}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: titleId }}
          action={
            <Button appearance="subtle" onClick={onClose}>
              Close
            </Button>
          }
        >
          {title}
        </DrawerHeaderTitle>
        {intro}
      </DrawerHeader>
      <DrawerBody>{children}</DrawerBody>
    </OverlayDrawer>
  );
}
SidePanel.displayName = 'SidePanel';
