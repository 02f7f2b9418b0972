import { Button } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { saveFile } from './save-file.js';

export interface DownloadButtonProps {
  readonly client: ApiClient;
  readonly path: string;
  /** The file name when the server gives none. */
  readonly fileName: string;
  readonly children: string;
  /** Told of a failed download (undefined when a new one starts). */
  readonly onProblem: (problem: Problem | undefined) => void;
  readonly appearance?: 'primary' | 'secondary';
}

/** Fetches an export with the caller's identity and saves it as a file. */
export function DownloadButton({
  client,
  path,
  fileName,
  children,
  onProblem,
  appearance = 'secondary',
}: DownloadButtonProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    onProblem(undefined);
    try {
      saveFile(await client.download(path), fileName);
    } catch (error) {
      onProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button appearance={appearance} disabledFocusable={busy} onClick={() => void download()}>
      {busy ? 'Preparing…' : children}
    </Button>
  );
}
DownloadButton.displayName = 'DownloadButton';
