import { describe, expect, it } from 'vitest';
import { attemptsText, payloadText, recipientText } from './delivery-text.js';

describe('delivery texts', () => {
  it('should name a person or a conversation as the recipient', () => {
    expect(recipientText({ kind: 'person', userId: 'u-1' })).toBe('Person u-1');
    expect(
      recipientText({
        kind: 'conversation',
        conversationId: '19:meeting@thread.v2',
        serviceUrl: 'https://smba.example/',
      }),
    ).toBe('Conversation 19:meeting@thread.v2');
  });

  it('should name a lesson by its id, and a notice by its title and topic', () => {
    expect(payloadText({ kind: 'lesson', lessonId: 'summarise-a-call' })).toBe(
      'Lesson “summarise-a-call”',
    );
    expect(
      payloadText({ kind: 'notice', title: 'Your flag', text: 'Fixed', topic: 'flag-resolved' }),
    ).toBe('Notice “Your flag” (flag-resolved)');
  });

  it('should count attempts in words', () => {
    expect(attemptsText(1)).toBe('1 attempt');
    expect(attemptsText(5)).toBe('5 attempts');
  });
});
