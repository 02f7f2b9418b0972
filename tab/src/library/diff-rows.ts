import type { DiffLine } from '../../../src/contracts/prompts.js';

/** One line of a diff as the tab shows it: a text prefix and a label as well as a colour. */
export interface DiffRow {
  readonly key: string;
  readonly kind: DiffLine['kind'];
  /** `+`, `−` or a space: the change is readable without colour. */
  readonly prefix: string;
  /** Read by screen readers before the line. */
  readonly label: string;
  readonly text: string;
}

const prefixOf: Readonly<Record<DiffLine['kind'], string>> = {
  added: '+',
  removed: '\u2212',
  same: ' ',
};

const labelOf: Readonly<Record<DiffLine['kind'], string>> = {
  added: 'Added',
  removed: 'Removed',
  same: 'Unchanged',
};

export function diffRows(lines: readonly DiffLine[]): DiffRow[] {
  return lines.map((line, index) => ({
    key: `${index}`,
    kind: line.kind,
    prefix: prefixOf[line.kind],
    label: labelOf[line.kind],
    text: line.text,
  }));
}

/** "2 lines added, 1 removed", or a plain sentence when the body did not change. */
export function diffSummary(lines: readonly DiffLine[]): string {
  const added = lines.filter((line) => line.kind === 'added').length;
  const removed = lines.filter((line) => line.kind === 'removed').length;
  if (added === 0 && removed === 0) return 'The text did not change.';
  const lineWord = (count: number): string => (count === 1 ? 'line' : 'lines');
  if (removed === 0) return `${added} ${lineWord(added)} added.`;
  if (added === 0) return `${removed} ${lineWord(removed)} removed.`;
  return `${added} ${lineWord(added)} added, ${removed} removed.`;
}

const fieldNames: Readonly<Record<string, string>> = {
  title: 'title',
  body: 'text',
  variables: 'variables',
  jobFamilyIds: 'job families',
  taskIds: 'workflow tasks',
  tags: 'tags',
  status: 'status',
};

/** The changed fields in words: "title and text". */
export function changedFieldsText(fields: readonly string[]): string {
  if (fields.length === 0) return 'Nothing changed between these versions.';
  const names = fields.map((field) => fieldNames[field] ?? field);
  return `Changed: ${new Intl.ListFormat('en', { type: 'conjunction' }).format(names)}.`;
}
