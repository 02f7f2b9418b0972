import { describe, expect, it } from 'vitest';
import { hostConversationOf } from './host-conversation.js';

describe('hostConversationOf', () => {
  it('should see a meeting in the side panel, on the stage, or wherever Teams names a meeting', () => {
    expect(hostConversationOf({ frameContext: 'sidePanel', chatId: '19:m@thread.v2' })).toEqual({
      chatId: '19:m@thread.v2',
      inMeeting: true,
    });
    expect(hostConversationOf({ frameContext: 'meetingStage', chatId: 'c' })?.inMeeting).toBe(true);
    expect(
      hostConversationOf({ frameContext: 'content', chatId: 'c', meetingId: 'm' })?.inMeeting,
    ).toBe(true);
  });

  it('should see a group chat tab as a conversation that is not a meeting', () => {
    expect(hostConversationOf({ frameContext: 'content', chatId: 'c' })).toEqual({
      chatId: 'c',
      inMeeting: false,
    });
  });

  it('should see no conversation without a chat id (a channel or personal tab)', () => {
    expect(hostConversationOf({ frameContext: 'content' })).toBeUndefined();
    expect(hostConversationOf({ frameContext: 'sidePanel', chatId: '' })).toBeUndefined();
  });
});
