import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  useId,
} from '@fluentui/react-components';
import type { FormEvent, JSX } from 'react';
import { useState } from 'react';
import type { Problem } from '../../../src/contracts/problem.js';
import type { PromptView, RenderResponse } from '../../../src/contracts/prompts.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { copyText } from '../common/copy-text.js';
import { ProblemMessageBar } from '../common/problem-message-bar.js';
import { useFocusFirstInvalid } from '../common/use-focus-first-invalid.js';
import { useFillPromptFormStyles } from './fill-prompt-form.styles.js';
import { renderPrompt } from './prompt-requests.js';
import { missingValues, variableLabel } from './template-variables.js';

export interface FillPromptFormProps {
  readonly client: ApiClient;
  readonly prompt: PromptView;
  /** Called once a copy was counted as a use, so the prompt's figures can be refreshed. */
  readonly onUsed: () => void;
}

type CopyState = 'idle' | 'copying' | 'copied' | 'failed';

/**
 * Fills the prompt's `{{variables}}` (the server renders, as the message extension does) and
 * copies the result. Only a copy counts as using the prompt; filling in does not.
 */
export function FillPromptForm({ client, prompt, onUsed }: FillPromptFormProps): JSX.Element {
  const styles = useFillPromptFormStyles();
  const headingId = useId('fill-heading');
  const filledId = useId('filled-heading');
  const [values, setValues] = useState<Readonly<Record<string, string>>>({});
  const [result, setResult] = useState<RenderResponse | undefined>(undefined);
  const [filling, setFilling] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [unfilled, setUnfilled] = useState<readonly string[]>([]);
  const focusInvalid = useFocusFirstInvalid<HTMLFormElement>();

  const setValue = (name: string, value: string): void => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setUnfilled((previous) => previous.filter((other) => other !== name));
    // The filled text no longer matches what was typed, so it must be filled again to copy.
    setResult(undefined);
    setCopy('idle');
  };

  const fill = (event: FormEvent): void => {
    event.preventDefault();
    const missing = missingValues(prompt.variables, values);
    setUnfilled(missing);
    if (missing.length > 0) {
      focusInvalid.request();
      return;
    }
    setFilling(true);
    setProblem(undefined);
    renderPrompt(client, prompt.id, values, false).then(
      (rendered) => {
        setResult(rendered);
        setCopy('idle');
        setFilling(false);
      },
      (error: unknown) => {
        setProblem(toProblem(error));
        setFilling(false);
      },
    );
  };

  const copyFilled = async (): Promise<void> => {
    if (!result) return;
    setCopy('copying');
    setProblem(undefined);
    try {
      await copyText(result.text);
    } catch {
      setCopy('failed');
      return;
    }
    setCopy('copied');
    try {
      await renderPrompt(client, prompt.id, values, true);
      onUsed();
    } catch (error) {
      setProblem({ ...toProblem(error), title: 'Copied, but Lastmile could not count the use' });
    }
  };

  const noVariables = prompt.variables.length === 0;
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        Fill in and copy
      </Text>
      <form
        ref={focusInvalid.ref}
        className={styles.form}
        onSubmit={fill}
        aria-labelledby={headingId}
        noValidate
      >
        {noVariables ? (
          <Text>This prompt has no variables: it is ready to copy as it is.</Text>
        ) : null}
        {prompt.variables.map((variable) => (
          <Field
            key={variable.name}
            label={variableLabel(variable.name)}
            hint={[variable.description, variable.required ? '' : 'Optional']
              .filter(Boolean)
              .join(' · ')}
            required={variable.required}
            validationMessage={unfilled.includes(variable.name) ? 'Fill this in first' : null}
          >
            <Input
              value={values[variable.name] ?? ''}
              placeholder={variable.default === undefined ? '' : `Default: ${variable.default}`}
              onChange={(_, data) => setValue(variable.name, data.value)}
            />
          </Field>
        ))}
        <div className={styles.actions}>
          <Button type="submit" appearance={result ? 'secondary' : 'primary'} disabled={filling}>
            {noVariables ? 'Show the prompt to copy' : 'Fill in the prompt'}
          </Button>
        </div>
      </form>
      {problem ? <ProblemMessageBar problem={problem} /> : null}
      {result ? (
        <>
          <Text as="h4" id={filledId} weight="semibold" className={styles.heading}>
            Filled prompt
          </Text>
          {result.missing.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                Still to fill in: {result.missing.map(variableLabel).join(', ')}. You can copy it
                now and finish it in your AI tool.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div role="group" aria-labelledby={filledId} className={styles.filled}>
            {result.text}
          </div>
          <div className={styles.copyRow}>
            <Button
              appearance="primary"
              disabledFocusable={copy === 'copying'}
              onClick={() => void copyFilled()}
            >
              Copy
            </Button>
          </div>
        </>
      ) : null}
      <div role="status" className={styles.copied}>
        {copy === 'copied' ? 'Copied to the clipboard. Paste it into your AI tool.' : ''}
        {copy === 'failed'
          ? 'Lastmile could not reach the clipboard here. Select the filled prompt and copy it with Ctrl+C.'
          : ''}
      </div>
    </section>
  );
}
FillPromptForm.displayName = 'FillPromptForm';
