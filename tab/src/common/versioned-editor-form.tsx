import { Button } from '@fluentui/react-components';
import type { JSX, ReactNode } from 'react';
import type { Versioned } from '../api/use-document.js';
import { formatDateTime } from '../library/prompt-text.js';
import { ConflictNotice } from './conflict-notice.js';
import { useEditorStyles } from './editor.styles.js';
import { ProblemMessageBar } from './problem-message-bar.js';
import type { VersionedEditor } from './use-versioned-editor.js';

export interface VersionedEditorFormProps<V extends { readonly updatedAt: string }, D> {
  readonly editor: VersionedEditor<V, D>;
  /** Whether a saved document is edited (rather than a new one added). */
  readonly editing: boolean;
  /** The form's accessible name: "Edit lesson", "Add a lesson". */
  readonly label: string;
  /** "Add the lesson". */
  readonly addLabel: string;
  /** "Someone else changed this lesson". */
  readonly conflictTitle: string;
  /** The latest version, for the person to read before choosing. */
  readonly renderLatest: (latest: V) => ReactNode;
  readonly onLoadLatest: (latest: Versioned<V>) => void;
  readonly onCancel: () => void;
  /** The fields. */
  readonly children: ReactNode;
}

/** An add/edit form that shows a 412 as a choice with the latest version, never overwriting it. */
export function VersionedEditorForm<V extends { readonly updatedAt: string }, D>({
  editor,
  editing,
  label,
  addLabel,
  conflictTitle,
  renderLatest,
  onLoadLatest,
  onCancel,
  children,
}: VersionedEditorFormProps<V, D>): JSX.Element {
  const styles = useEditorStyles();
  const { latest, saving, problem } = editor;
  return (
    <form
      ref={editor.formRef}
      className={styles.root}
      onSubmit={editor.submit}
      noValidate
      aria-label={label}
    >
      {latest ? (
        <ConflictNotice
          title={conflictTitle}
          detail={`It was saved ${formatDateTime(latest.value.updatedAt)} while you were editing. Your changes are not saved yet: load the latest version and start again, or re-apply your changes on top of it.`}
          latestKey={latest.etag ?? latest.value.updatedAt}
          busy={saving}
          onLoadLatest={() => onLoadLatest(latest)}
          onReapply={() => editor.reapply(latest)}
        >
          <div className={styles.latest} role="group" aria-label="Latest version">
            {renderLatest(latest.value)}
          </div>
        </ConflictNotice>
      ) : null}
      {children}
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : addLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
VersionedEditorForm.displayName = 'VersionedEditorForm';
