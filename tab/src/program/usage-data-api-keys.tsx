import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import {
  type ApiKeyView,
  type CreatedApiKey,
  createdApiKeySchema,
  apiKeyViewSchema,
} from '../../../src/contracts/adoption.js';
import type { Problem } from '../../../src/contracts/problem.js';
import { apiKeyListSchema } from '../../../src/contracts/usage-data.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { useApiQuery } from '../api/use-api-query.js';
import { copyText } from '../common/copy-text.js';
import { LoadingState } from '../common/loading-state.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useVisuallyHiddenStyles } from '../common/visually-hidden.styles.js';
import { formatDateTime } from '../library/prompt-text.js';
import { useProgramSectionStyles } from './program-section.styles.js';
import { useUsageDataStyles } from './usage-data.styles.js';
import { keyStatus } from './usage-data-text.js';

export const apiKeysPath = '/api/api-keys';

export interface ApiKeysPanelProps {
  readonly client: ApiClient;
}

/** The ingest API's keys: create one (shown once, to copy), see them all, revoke one. */
export function ApiKeysPanel({ client }: ApiKeysPanelProps): JSX.Element {
  const styles = useProgramSectionStyles();
  const own = useUsageDataStyles();
  const hidden = useVisuallyHiddenStyles();
  const keys = useApiQuery(client, apiKeysPath, apiKeyListSchema);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [revoking, setRevoking] = useState<ApiKeyView | undefined>(undefined);

  const create = (event: FormEvent): void => {
    event.preventDefault();
    if (creating) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError('Name the key after the system that will use it.');
      return;
    }
    setNameError(undefined);
    setProblem(undefined);
    setMessage('');
    setCreating(true);
    client.send('POST', apiKeysPath, { name: trimmed }, createdApiKeySchema).then(
      ({ value }) => {
        setCreating(false);
        setCreated(value);
        setName('');
        keys.retry();
      },
      (error: unknown) => {
        setCreating(false);
        setProblem(toProblem(error));
      },
    );
  };

  return (
    <section aria-labelledby="api-keys-title" className={styles.surface}>
      <Text as="h4" id="api-keys-title" size={500} weight="semibold" className={styles.heading}>
        API keys
      </Text>
      <Text as="p" className={styles.intro}>
        A tool that reports AI usage sends it to <code>POST /api/usage-events</code> (or a CSV to{' '}
        <code>/api/usage-events/import</code>) with its key in the <code>x-api-key</code> header. A
        key can do nothing else.
      </Text>
      <form className={own.form} onSubmit={create} noValidate aria-label="Create an API key">
        <Field
          label="Key name"
          className={own.nameField}
          hint="The system that will use it, such as “Data warehouse”"
          validationMessage={nameError ?? null}
        >
          <Input value={name} maxLength={100} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={creating}>
          {creating ? 'Creating…' : 'Create key'}
        </Button>
      </form>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      {created ? <NewKeyNotice created={created} onDone={() => setCreated(undefined)} /> : null}
      <div role="status">{message}</div>
      {keys.state.status === 'loading' ? <LoadingState label="Loading API keys" /> : null}
      {keys.state.status === 'error' ? (
        <ProblemMessageBar problem={keys.state.problem} onRetry={keys.retry} />
      ) : null}
      {keys.state.status === 'success' && keys.state.data.items.length === 0 ? (
        <Text className={styles.muted}>No keys yet.</Text>
      ) : null}
      {keys.state.status === 'success' && keys.state.data.items.length > 0 ? (
        <Table size="small" aria-labelledby="api-keys-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Key starts with</TableHeaderCell>
              <TableHeaderCell>Created</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell className={styles.actionsColumn}>
                <span className={hidden.root}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.state.data.items.map((key) => (
              <TableRow key={key.id}>
                <TableCell>{key.name}</TableCell>
                <TableCell>
                  <code className={own.code}>{key.prefix}</code>
                </TableCell>
                <TableCell>{formatDateTime(key.createdAt)}</TableCell>
                <TableCell>
                  {keyStatus(key) === 'active'
                    ? 'Active'
                    : `Revoked ${formatDateTime(key.revokedAt ?? '')}`}
                </TableCell>
                <TableCell>
                  {keyStatus(key) === 'active' ? (
                    <Button
                      size="small"
                      aria-label={`Revoke ${key.name}`}
                      onClick={() => setRevoking(key)}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {revoking ? (
        <RevokeKeyDialog
          client={client}
          apiKey={revoking}
          onRevoked={() => {
            setMessage(`“${revoking.name}” is revoked: requests with it are now refused.`);
            setRevoking(undefined);
            keys.retry();
          }}
          onClose={() => setRevoking(undefined)}
        />
      ) : null}
    </section>
  );
}
ApiKeysPanel.displayName = 'ApiKeysPanel';

interface NewKeyNoticeProps {
  readonly created: CreatedApiKey;
  readonly onDone: () => void;
}

/** The only time a key is shown: focused, with a copy button and a way to put it away. */
function NewKeyNotice({ created, onDone }: NewKeyNoticeProps): JSX.Element {
  const own = useUsageDataStyles();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [created.key]);

  const copy = (): void => {
    copyText(created.key).then(
      () => setCopied('Copied to the clipboard.'),
      () => setCopied('This browser would not copy it: select the key and copy it by hand.'),
    );
  };

  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Copy the key for “{created.name}” now</MessageBarTitle>
        It is shown only this once: Lastmile keeps just a hash of it.
        <div className={own.secret}>
          <Input
            input={{ ref: input, className: own.secretText }}
            readOnly
            value={created.key}
            aria-label={`New API key for ${created.name}`}
            className={own.secretInput}
          />
          <Button onClick={copy}>Copy key</Button>
          <Button appearance="subtle" onClick={onDone}>
            Done
          </Button>
        </div>
        <div role="status">{copied}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

interface RevokeKeyDialogProps {
  readonly client: ApiClient;
  readonly apiKey: ApiKeyView;
  readonly onRevoked: () => void;
  readonly onClose: () => void;
}

function RevokeKeyDialog({
  client,
  apiKey,
  onRevoked,
  onClose,
}: RevokeKeyDialogProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  const revoke = (): void => {
    setBusy(true);
    setProblem(undefined);
    client
      .send(
        'DELETE',
        `${apiKeysPath}/${encodeURIComponent(apiKey.id)}`,
        undefined,
        apiKeyViewSchema,
      )
      .then(onRevoked, (error: unknown) => {
        setBusy(false);
        setProblem(toProblem(error));
      });
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Revoke “{apiKey.name}”?</DialogTitle>
          <DialogContent>
            <Text>
              Tools sending usage with this key are refused from now on. This cannot be undone: a
              tool that still needs access gets a new key.
            </Text>
            {problem ? <ProblemMessageBar problem={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={revoke}>
              {busy ? 'Revoking…' : 'Revoke the key'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
