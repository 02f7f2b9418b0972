/**
 * Reading the cards of the pilot-week journey as a person in Teams reads them: the text of a card's
 * text blocks and runs, its facts, its inputs' labels and choices and its buttons, in card order;
 * and the card a Playground message or `Action.Execute` answer carries.
 */
import { expect } from 'vitest';
import { findCardElements } from './bot-framework.js';
import type { PlaygroundMessage, PlaygroundResponse } from './playground.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each piece of text a card shows, depth first. */
export function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.trim() !== '') lines.push(value.trim());
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isRecord(value)) return;
    const type = typeof value.type === 'string' ? value.type : '';
    if (type === 'TextBlock' || type === 'TextRun') add(value.text);
    if (type === 'FactSet' && Array.isArray(value.facts)) {
      for (const fact of value.facts) {
        if (isRecord(fact)) add(`${String(fact.title)}: ${String(fact.value)}`);
      }
    }
    if (type.startsWith('Input.')) {
      add(value.label);
      if (Array.isArray(value.choices)) {
        for (const choice of value.choices) if (isRecord(choice)) add(choice.title);
      }
    }
    if (type.startsWith('Action.')) add(value.title);
    for (const [key, child] of Object.entries(value)) {
      // Facts and choices were read above; `data` is what a button sends, not what it shows.
      if (key !== 'facts' && key !== 'choices' && key !== 'data') visit(child);
    }
  };
  visit(card);
  return lines;
}

/** A card's text as one string, one piece a line. */
export function cardText(card: unknown): string {
  return cardLines(card).join('\n');
}

/** The Adaptive Card a Playground message carries, if any. */
export function cardOf(message: PlaygroundMessage): unknown {
  const attachment = message.attachments?.[0];
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive'
    ? attachment.content
    : undefined;
}

/** The card's `Action.Execute` with this verb, if it has one. */
export function executeActionOf(card: unknown, verb: string): Record<string, unknown> | undefined {
  return findCardElements(card, 'Action.Execute').find((action) => action['verb'] === verb);
}

/** The card an `Action.Execute` was answered with, which replaces the card pressed. */
export function refreshedCard(response: PlaygroundResponse): unknown {
  expect(response.status).toBe(200);
  const body = response.body as { readonly type?: unknown; readonly value?: unknown };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}
