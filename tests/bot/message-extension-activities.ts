/**
 * Message extension invokes as Teams sends them, and readers for what the bot answers, shared by
 * the message extension tests (over HTTP to a bare endpoint, to the whole app, and through the
 * Agents Playground).
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { expect } from 'vitest';
import { type BotSettings } from '../../src/config.js';
import {
  findCardElements,
  parseAdaptiveCard,
  teamsMessage,
  type TeamsActivityOptions,
} from '../support/bot-framework.js';

export const unauthenticatedBot: BotSettings = {
  appId: undefined,
  appPassword: undefined,
  appType: 'MultiTenant',
  appTenantId: undefined,
  openIdMetadataUrl: undefined,
};

/** Someone the demo roster does not know, in the given tenant. */
export function stranger(name = 'Visiting Consultant'): ChannelAccount {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name };
}

/** An invoke activity (`composeExtension/...`) from a person in a Teams chat. */
export function teamsInvoke(
  name: string,
  value: unknown,
  options: TeamsActivityOptions,
): Partial<Activity> {
  const { text: _text, textFormat: _format, ...base } = teamsMessage('', options);
  return {
    ...base,
    type: 'invoke',
    name,
    value,
    channelData: { ...(base.channelData as object), source: { name: 'compose' } },
  };
}

export function searchValue(
  text: string | undefined,
  options: { skip?: number; count?: number; commandId?: string } = {},
): Record<string, unknown> {
  const parameters =
    text === undefined
      ? [{ name: 'initialRun', value: 'true' }]
      : [{ name: 'searchQuery', value: text }];
  return {
    commandId: options.commandId ?? 'findPrompt',
    parameters,
    queryOptions: { skip: options.skip ?? 0, count: options.count ?? 10 },
  };
}

export function actionValue(
  commandId: string,
  data?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    commandId,
    commandContext:
      commandId === 'saveAsPrompt' || commandId === 'flagOutput' ? 'message' : 'compose',
    context: { theme: 'default' },
    ...(data === undefined ? {} : { data }),
    ...extra,
  };
}

/** A Teams message as a message action receives it in `messagePayload`. */
export function messagePayload(html: string, author = 'Ada Lovelace'): Record<string, unknown> {
  return {
    id: `${Date.now()}`,
    messageType: 'message',
    createdDateTime: new Date().toISOString(),
    importance: 'normal',
    locale: 'en-us',
    from: { user: { id: randomUUID(), displayName: author, userIdentityType: 'aadUser' } },
    body: { contentType: 'html', content: html },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading answers

export interface ResultAttachment {
  readonly contentType: string;
  readonly content: Record<string, unknown>;
  readonly preview?: {
    readonly contentType: string;
    readonly content: {
      readonly title?: string;
      readonly text?: string;
      readonly images?: { url: string }[];
      readonly tap?: { type: string; value: unknown };
    };
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  expect(value, what).toBeTypeOf('object');
  expect(value, what).not.toBeNull();
  return value as Record<string, unknown>;
}

/** The attachments of a `composeExtension` result; fails the test for any other answer. */
export function resultAttachments(body: unknown): ResultAttachment[] {
  const extension = record(record(body, 'invoke body').composeExtension, 'composeExtension');
  expect(extension.type, JSON.stringify(extension)).toBe('result');
  expect(extension.attachmentLayout).toBe('list');
  expect(Array.isArray(extension.attachments)).toBe(true);
  return extension.attachments as ResultAttachment[];
}

/** The text of a `composeExtension` message answer. */
export function composeMessage(body: unknown): string {
  const extension = record(record(body, 'invoke body').composeExtension, 'composeExtension');
  expect(extension.type, JSON.stringify(extension)).toBe('message');
  return String(extension.text);
}

/** The text of a task `message` answer. */
export function taskMessage(body: unknown): string {
  const task = record(record(body, 'invoke body').task, 'task');
  expect(task.type, JSON.stringify(task)).toBe('message');
  return String(task.value);
}

/** The Adaptive Card of a task `continue` answer, checked to parse cleanly. */
export function taskCard(body: unknown): Record<string, unknown> {
  const task = record(record(body, 'invoke body').task, 'task');
  expect(task.type, JSON.stringify(task)).toBe('continue');
  const info = record(task.value, 'task.value');
  expect(typeof info.title).toBe('string');
  const card = record(info.card, 'task card');
  expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expectCleanCard(card.content);
  return card.content as Record<string, unknown>;
}

export function expectCleanCard(json: unknown): void {
  expect(parseAdaptiveCard(json).problems).toEqual([]);
  expect(JSON.stringify(json)).not.toContain('${');
}

/** Every TextRun's text in a card, in order. */
export function cardTexts(card: unknown): string[] {
  return findCardElements(card, 'TextRun').map((run) => String(run.text));
}

export function inputIds(card: unknown): string[] {
  return [
    ...findCardElements(card, 'Input.Text'),
    ...findCardElements(card, 'Input.ChoiceSet'),
  ].map((input) => String(input.id));
}

export function choicesOf(card: unknown, id: string): { title: string; value: string }[] {
  const choiceSet = findCardElements(card, 'Input.ChoiceSet').find((input) => input.id === id);
  return (choiceSet?.choices ?? []) as { title: string; value: string }[];
}

/** Checks the shape Teams needs of a search result and returns the prompt id it inserts. */
export function expectSearchResult(attachment: ResultAttachment | undefined): string {
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expectCleanCard(attachment?.content);
  expect(attachment?.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
  const tap = attachment?.preview?.content.tap;
  expect(tap?.type).toBe('invoke');
  const promptId = (tap?.value as { promptId?: unknown } | undefined)?.promptId;
  expect(promptId).toBeTypeOf('string');
  return promptId as string;
}
