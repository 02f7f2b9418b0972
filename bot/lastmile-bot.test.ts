import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  adaptiveCardOf,
  demoMember,
  factTitlesOf,
  findCardElements,
  teamsMembersAdded,
  teamsMessage,
  testBot,
} from '../tests/support/bot-framework.js';
import { commandNames } from './commands.js';
import { LastmileBot } from './lastmile-bot.js';

const serviceUrl = 'http://127.0.0.1:9/';

/** Runs one activity through the bot on botbuilder's in-memory adapter and returns its replies. */
async function repliesTo(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const bot = new LastmileBot();
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  await adapter.processActivity(activity);
  return [...adapter.activeQueue];
}

function cardTexts(reply: Partial<Activity> | undefined): string[] {
  const card = reply === undefined ? undefined : adaptiveCardOf(reply);
  return [
    ...findCardElements(card, 'TextBlock').map((block) => String(block.text)),
    ...findCardElements(card, 'TextRun').map((run) => String(run.text)),
  ];
}

describe('LastmileBot messages', () => {
  it('should answer help with the card listing every command', async () => {
    const replies = await repliesTo(teamsMessage('help', { serviceUrl }));
    expect(replies).toHaveLength(1);
    expect(factTitlesOf(adaptiveCardOf(replies[0] ?? {}))).toEqual([...commandNames]);
    expect(cardTexts(replies[0])).not.toContain("I didn't catch that.");
  });

  it('should strip its @mention in a channel and match the command case-insensitively', async () => {
    const replies = await repliesTo(
      teamsMessage('  HeLp ', { serviceUrl, conversationType: 'channel', mentionBot: true }),
    );
    expect(replies).toHaveLength(1);
    expect(factTitlesOf(adaptiveCardOf(replies[0] ?? {}))).toEqual([...commandNames]);
  });

  it.each([
    ['lesson', 'Lessons are not set up yet for this program.'],
    ['progress', 'Progress tracking is not set up yet for this program.'],
    ['flag', 'Flagging AI output is not set up yet for this program.'],
    ['suggest', 'Workflow suggestions are not set up yet for this program.'],
    ['practice', 'Team practice sessions are not set up yet for this program.'],
  ])(
    'should say plainly that %s is not set up yet, with a button to the commands',
    async (command, sentence) => {
      const [reply, ...rest] = await repliesTo(teamsMessage(command, { serviceUrl }));
      expect(rest).toEqual([]);
      expect(cardTexts(reply)).toEqual([sentence]);
      const actions = findCardElements(adaptiveCardOf(reply ?? {}), 'Action.Submit');
      expect(actions.map((action) => action.title)).toEqual(['Show commands']);
    },
  );

  it("should say it didn't catch an unknown message and show the commands", async () => {
    const replies = await repliesTo(teamsMessage('what is the weather', { serviceUrl }));
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0])[0]).toBe("I didn't catch that.");
    expect(factTitlesOf(adaptiveCardOf(replies[0] ?? {}))).toEqual([...commandNames]);
  });

  it('should treat a message without text, such as a card submit, as not understood', async () => {
    const activity = teamsMessage('', { serviceUrl });
    delete activity.text;
    activity.value = { something: 'else' };
    const replies = await repliesTo(activity);
    expect(cardTexts(replies[0])[0]).toBe("I didn't catch that.");
  });

  it('should read the text as sent when the mention entities are malformed', async () => {
    const activity = teamsMessage('help', { serviceUrl });
    activity.entities = [{ type: 'mention' }];
    const replies = await repliesTo(activity);
    expect(factTitlesOf(adaptiveCardOf(replies[0] ?? {}))).toEqual([...commandNames]);
  });
});

describe('LastmileBot welcome', () => {
  it('should greet the person by name when installed in personal scope', async () => {
    const replies = await repliesTo(teamsMembersAdded({ serviceUrl }));
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0]).join(' ')).toContain(demoMember.name);
  });

  it('should welcome once when the emulator adds both the person and the bot', async () => {
    const replies = await repliesTo(
      teamsMembersAdded({ serviceUrl, membersAdded: [{ ...demoMember }, { ...testBot }] }),
    );
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0]).join('')).toContain(`Hi ${demoMember.name}, welcome to Lastmile.`);
  });

  it('should address someone with no name as "there"', async () => {
    const activity = teamsMembersAdded({ serviceUrl, from: { id: '29:anonymous', name: '' } });
    const replies = await repliesTo(activity);
    expect(cardTexts(replies[0]).join('')).toContain('Hi there, welcome to Lastmile.');
  });

  it('should introduce Lastmile when added to a team channel', async () => {
    const replies = await repliesTo(teamsMembersAdded({ serviceUrl, conversationType: 'channel' }));
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0])[0]).toBe('Lastmile is here');
    expect(cardTexts(replies[0]).join(' ')).not.toContain(demoMember.name);
  });

  it('should introduce Lastmile when added to a group chat', async () => {
    const replies = await repliesTo(
      teamsMembersAdded({ serviceUrl, conversationType: 'groupChat' }),
    );
    expect(cardTexts(replies[0])[0]).toBe('Lastmile is here');
  });

  it('should not post in a team channel each time another person joins', async () => {
    const replies = await repliesTo(
      teamsMembersAdded({
        serviceUrl,
        conversationType: 'channel',
        membersAdded: [{ id: '29:new-person', name: 'New Person' }],
      }),
    );
    expect(replies).toEqual([]);
  });
});

describe('LastmileBot without the prompt library', () => {
  it('should answer a search with a sentence saying the library is not available', async () => {
    const activity = teamsMessage('', { serviceUrl });
    delete activity.text;
    activity.type = 'invoke';
    activity.name = 'composeExtension/query';
    activity.value = {
      commandId: 'findPrompt',
      parameters: [{ name: 'searchQuery', value: 'proposal' }],
      queryOptions: { skip: 0, count: 10 },
    };
    const [response] = await repliesTo(activity);
    expect(response?.type).toBe('invokeResponse');
    expect(response?.value).toEqual({
      status: 200,
      body: {
        composeExtension: {
          type: 'message',
          text: 'The prompt library is not available right now. Please try again in a minute.',
        },
      },
    });
  });
});
