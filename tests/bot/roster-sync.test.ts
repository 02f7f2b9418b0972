import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, ChannelAccount, TeamsChannelAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peoplePageSchema, type PersonSummary } from '../../src/contracts/people.js';
import { demoAdminUpn, demoPersonId } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  adaptiveCardOf,
  findCardElements,
  parseAdaptiveCard,
  postActivity,
  teamsMessage,
} from '../support/bot-framework.js';
import { devHeaders, getAs, request } from '../support/http.js';

const champion: ChannelAccount = {
  id: '29:demo-champion',
  aadObjectId: '00000000-0000-4000-8000-00000000c001',
  name: 'Dana Whitfield',
};
const admin: ChannelAccount = {
  id: '29:demo-admin',
  aadObjectId: demoPersonId(748),
  name: 'The Admin',
};
const member: ChannelAccount = {
  id: '29:demo-member',
  aadObjectId: '00000000-0000-4000-8000-00000000c003',
  name: 'Mia Okafor',
};

const newcomers: TeamsChannelAccount[] = [1, 2, 3, 4].map((n) => ({
  id: `29:newcomer-${String(n)}`,
  name: `Newcomer ${String(n)}`,
  aadObjectId: `5a5a5a5a-0000-4000-8000-00000000000${String(n)}`,
  userPrincipalName: `newcomer-${String(n)}@demo.example`,
  userRole: 'user',
}));
const pendingObjectId = '5a5a5a5a-0000-4000-8000-0000000000aa';

/** Ten members, served four pages deep (3 + 3 + 3 + 1), as Teams pages a team's roster. */
const teamMembers: TeamsChannelAccount[] = [
  { ...champion, userPrincipalName: 'champion@demo.example', name: 'Dana Whitfield (Teams)' },
  { ...member, userPrincipalName: 'member@demo.example', userRole: 'user' },
  ...newcomers,
  {
    id: '29:guest',
    name: 'Gus Guest',
    aadObjectId: '5a5a5a5a-0000-4000-8000-0000000000ff',
    userPrincipalName: 'gus_partner.example#EXT#@demo.example',
    userRole: 'guest',
  },
  { id: '29:no-entra', name: 'No Entra' },
  {
    id: '29:impostor',
    name: 'Same UPN',
    aadObjectId: '5a5a5a5a-0000-4000-8000-0000000000ee',
    userPrincipalName: 'person-020@demo.example',
  },
  {
    id: '29:pending',
    name: 'Pending Sync',
    aadObjectId: pendingObjectId,
    userPrincipalName: 'pending-sync@demo.example',
  },
];
const pageLength = 3;

interface RosterConnector {
  readonly serviceUrl: string;
  /** Each `pagedmembers` call: the conversation asked for and the query it sent. */
  readonly pageCalls: { conversationId: string; pageSize: string | null; token: string | null }[];
  readonly replies: { conversationId: string; activity: Partial<Activity> }[];
  close(): Promise<void>;
}

/**
 * A loopback Bot Connector that serves `GET /v3/conversations/{id}/pagedmembers` a few members a
 * page with continuation tokens, and records the bot's replies.
 */
async function startRosterConnector(
  members: readonly TeamsChannelAccount[],
): Promise<RosterConnector> {
  const pageCalls: RosterConnector['pageCalls'] = [];
  const replies: RosterConnector['replies'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/u.exec(url.pathname);
      if (req.method === 'GET' && paged !== null) {
        const token = url.searchParams.get('continuationToken');
        pageCalls.push({
          conversationId: decodeURIComponent(paged[1] ?? ''),
          pageSize: url.searchParams.get('pageSize'),
          token,
        });
        const start = token === null ? 0 : Number(/^page-(\d+)$/u.exec(token)?.[1] ?? NaN);
        if (!Number.isInteger(start)) return send(400, { error: { code: 'BadToken' } });
        const next = start + pageLength;
        return send(200, {
          members: members.slice(start, next),
          ...(next < members.length ? { continuationToken: `page-${String(next)}` } : {}),
        });
      }
      const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/u.exec(url.pathname);
      if (req.method === 'POST' && activity !== null) {
        const text = Buffer.concat(chunks).toString('utf8');
        replies.push({
          conversationId: decodeURIComponent(activity[1] ?? ''),
          activity: JSON.parse(text) as Partial<Activity>,
        });
        return send(200, { id: `reply-${String(replies.length)}` });
      }
      return send(404, { error: { code: 'NotFound', message: url.pathname } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${String(port)}/`,
    pageCalls,
    replies,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function replyText(activity: Partial<Activity> | undefined): string {
  const card = adaptiveCardOf(activity ?? {});
  expect(parseAdaptiveCard(card).problems).toEqual([]);
  return findCardElements(card, 'TextBlock')
    .map((block) => String(block['text']))
    .join('\n');
}

describe('sync roster in a team, in the running app', () => {
  let app: TestApp;
  let connector: RosterConnector;
  let messages: string;

  beforeAll(async () => {
    connector = await startRosterConnector(teamMembers);
    app = await startTestApp();
    messages = `${app.url}/api/messages`;
    // Someone an admin imported by UPN alone, before anyone knew their Entra object id.
    const imported = await request(app.url, '/api/roster/import', {
      method: 'POST',
      headers: { ...devHeaders(demoAdminUpn), 'content-type': 'text/csv' },
      rawBody:
        'upn,displayName,department,jobFamily\npending-sync@demo.example,Pending Sync,people-talent,operations\n',
    });
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await app?.dispose();
    await connector?.close();
  });

  async function person(upn: string): Promise<PersonSummary | undefined> {
    const page = await getAs(
      app.url,
      `/api/people?q=${encodeURIComponent(upn)}&limit=5`,
      demoAdminUpn,
      (body) => peoplePageSchema.parse(body),
    );
    return page.items.find((item) => item.upn === upn);
  }

  /** Types `text` in a chat as `from`, and returns the text of the bot's one reply. */
  async function say(
    text: string,
    from: ChannelAccount,
    where: { conversationType: 'groupChat' | 'channel' | 'personal'; conversationId: string },
  ): Promise<string> {
    const before = connector.replies.length;
    const response = await postActivity(
      messages,
      teamsMessage(text, {
        serviceUrl: connector.serviceUrl,
        from,
        mentionBot: where.conversationType !== 'personal',
        ...where,
      }),
    );
    expect(response.status).toBe(200);
    await expect.poll(() => connector.replies.length, { timeout: 10_000 }).toBe(before + 1);
    const reply = connector.replies[before];
    expect(reply?.conversationId).toBe(where.conversationId);
    return replyText(reply?.activity);
  }

  const groupChat = (): { conversationType: 'groupChat'; conversationId: string } => ({
    conversationType: 'groupChat',
    conversationId: `19:${randomUUID()}@thread.v2`,
  });

  it('should refuse a member without reading the team', async () => {
    const calls = connector.pageCalls.length;
    const text = await say('sync roster', member, groupChat());
    expect(text).toContain('Only admins and AI champions sync the roster.');
    expect(connector.pageCalls.length).toBe(calls);
  });

  it('should say that sync runs in a team or group chat when typed in a personal chat', async () => {
    const text = await say('sync roster', champion, {
      conversationType: 'personal',
      conversationId: `a:${randomUUID()}`,
    });
    expect(text).toContain('add Lastmile there and type "sync roster"');
  });

  it('should name the departments when the one asked for does not exist', async () => {
    const text = await say('sync roster Marketing', champion, groupChat());
    expect(text).toContain('There is no department called "Marketing".');
    expect(text).toContain('Finance and Operations');
  });

  it('should read every page, update names and ask for a department before adding anyone', async () => {
    const where = groupChat();
    const calls = connector.pageCalls.length;
    const text = await say('sync roster', champion, where);

    const calls4 = connector.pageCalls.slice(calls);
    expect(calls4.map((call) => call.token)).toEqual([null, 'page-3', 'page-6', 'page-9']);
    expect(calls4.every((call) => call.conversationId === where.conversationId)).toBe(true);
    expect(calls4.every((call) => call.pageSize === '500')).toBe(true);

    expect(text).toContain('Roster sync: 10 members read from this conversation.');
    expect(text).toContain('Added 0, updated 2, unchanged 1, skipped 7.');
    expect(text).toContain('4 people (Newcomer 1, Newcomer 2, Newcomer 3, Newcomer 4)');
    expect(text).toContain('type "sync roster <department> as <job family>"');
    expect(text).toContain('1 person (Same UPN) have a UPN the roster gives to someone else');
    expect(text).toContain('1 person (Gus Guest) joined as guests');
    expect(text).toContain('1 person (No Entra) have no Entra account');

    expect(await person('champion@demo.example')).toMatchObject({
      displayName: 'Dana Whitfield (Teams)',
      role: 'champion',
    });
    expect(await person('pending-sync@demo.example')).toMatchObject({
      id: pendingObjectId,
      departmentId: 'people-talent',
    });
    expect(await person('newcomer-1@demo.example')).toBeUndefined();
    expect((await person('person-020@demo.example'))?.id).toBe(demoPersonId(20));
  });

  it('should add newcomers to the department and job family named, from a team channel', async () => {
    const where = {
      conversationType: 'channel' as const,
      conversationId: `19:${randomUUID()}@thread.tacv2`,
    };
    const calls = connector.pageCalls.length;
    const text = await say(
      'sync roster Finance and Operations as operations and support',
      admin,
      where,
    );
    // In a channel the roster is the team's: botbuilder asks for the team id from channelData.
    expect(connector.pageCalls.slice(calls).map((call) => call.conversationId)).toEqual([
      '19:team@thread.tacv2',
      '19:team@thread.tacv2',
      '19:team@thread.tacv2',
      '19:team@thread.tacv2',
    ]);
    expect(text).toContain(
      'Added 4 to Finance and Operations (Operations and support), updated 0, unchanged 3, skipped 3.',
    );
    for (const newcomer of newcomers) {
      expect(await person(newcomer.userPrincipalName ?? '')).toEqual({
        id: newcomer.aadObjectId,
        upn: newcomer.userPrincipalName,
        displayName: newcomer.name,
        departmentId: 'finance-operations',
        jobFamilyId: 'operations',
        role: 'member',
      });
    }

    const again = await say('sync roster', champion, groupChat());
    expect(again).toContain('Added 0, updated 0, unchanged 7, skipped 3.');
  });
});
