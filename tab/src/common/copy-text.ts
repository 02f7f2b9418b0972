/**
 * Puts text on the clipboard. A host that frames the tab without clipboard permission makes this
 * fail; callers then tell the person to copy the text shown by hand.
 */
export async function copyText(text: string): Promise<void> {
  if (typeof navigator.clipboard?.writeText !== 'function') {
    throw new Error('This browser does not let Lastmile copy text.');
  }
  await navigator.clipboard.writeText(text);
}
