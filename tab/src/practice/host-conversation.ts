import { createContext, useContext } from 'react';

/** The Teams conversation the tab is open in, when it is a meeting or a chat. */
export interface HostConversation {
  /** The conversation id the bot sees (`context.chat.id`): practice sessions are filed under it. */
  readonly chatId: string;
  /** A meeting's chat, side panel or stage, rather than a plain group chat. */
  readonly inMeeting: boolean;
}

/** The parts of teams-js `app.Context` that say where the tab is. */
export interface TeamsPlace {
  readonly frameContext?: string | undefined;
  readonly chatId?: string | undefined;
  readonly meetingId?: string | undefined;
}

const meetingFrames: readonly string[] = ['sidePanel', 'meetingStage'];

/** Where practice is run from the tab's point of view; undefined outside a chat or meeting. */
export function hostConversationOf(place: TeamsPlace): HostConversation | undefined {
  if (!place.chatId) return undefined;
  const inMeeting = meetingFrames.includes(place.frameContext ?? '') || Boolean(place.meetingId);
  return { chatId: place.chatId, inMeeting };
}

/** Provided by the Teams host; the dev host outside Teams has no conversation. */
export const HostConversationContext = createContext<HostConversation | undefined>(undefined);

export function useHostConversation(): HostConversation | undefined {
  return useContext(HostConversationContext);
}
