import type { Downloaded } from '../api/api-client.js';

/**
 * Hands a fetched file to the browser's downloads. The file is fetched by the api client rather
 * than linked, because a plain link would carry no SSO token or dev identity headers.
 */
export function saveFile(file: Downloaded, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: Chromium starts the download from the click, not synchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
