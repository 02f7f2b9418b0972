import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { RosterMember, RosterSkipReason, RosterSyncReport } from '../src/contracts/roster.js';
import type { Caller } from '../src/services/caller.js';
import type { RosterService, SyncTarget } from '../src/services/roster-service.js';
import { type AdaptiveCardJson, renderNoticeCard } from './cards/render-card.js';

/** Teams serves at most 500 members a page; 60 pages cover its 25,000-member teams. */
const defaultPageSize = 500;
const defaultMaxPages = 60;
const namesShown = 5;

export interface RosterChatDeps {
  readonly roster: Pick<RosterService, 'syncTarget' | 'syncMembers'>;
  readonly pageSize?: number;
  readonly maxPages?: number;
}

export type SyncRequest =
  | { readonly kind: 'sync'; readonly department?: string; readonly jobFamily?: string }
  | { readonly kind: 'unknown' };

/**
 * The words after `sync`: `roster`, `roster <department>`, `roster <department> as <job family>`.
 * Departments and job families are named by id or by name; the last " as " splits them, so a
 * department whose name holds " as " is named by its id.
 */
export function parseSyncArgument(argument: string): SyncRequest {
  const match = /^roster\b[.!]?\s*([\s\S]*)$/iu.exec(argument.trim());
  if (match === null) return { kind: 'unknown' };
  const rest = ` ${(match[1] ?? '')
    .trim()
    .replace(/[.!]+$/u, '')
    .replace(/\s+/gu, ' ')}`;
  if (rest.trim() === '') return { kind: 'sync' };
  const asAt = rest.toLowerCase().lastIndexOf(' as ');
  if (asAt < 0) return { kind: 'sync', department: rest.trim() };
  const department = rest.slice(0, asAt).trim();
  const jobFamily = rest.slice(asAt + 4).trim();
  return {
    kind: 'sync',
    ...(department === '' ? {} : { department }),
    ...(jobFamily === '' ? {} : { jobFamily }),
  };
}

function isPersonalConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation as
    { conversationType?: unknown; isGroup?: unknown } | undefined;
  const type = conversation?.conversationType;
  return type === 'personal' || (type === undefined && conversation?.isGroup !== true);
}

function memberOf(account: TeamsChannelAccount): RosterMember {
  const name = typeof account.name === 'string' ? account.name : undefined;
  const upn =
    typeof account.userPrincipalName === 'string' && account.userPrincipalName.trim() !== ''
      ? account.userPrincipalName.trim()
      : undefined;
  const role = typeof account.userRole === 'string' ? account.userRole.toLowerCase() : 'user';
  return {
    objectId: typeof account.aadObjectId === 'string' ? account.aadObjectId : '',
    ...(upn === undefined ? {} : { upn }),
    ...(name === undefined ? {} : { displayName: name }),
    guest: role === 'guest' || role === 'anonymous',
  };
}

const count = (n: number, one: string, many: string): string =>
  `${String(n)} ${n === 1 ? one : many}`;

function namesOf(entries: readonly { readonly name: string }[]): string {
  const shown = entries.slice(0, namesShown).map((entry) => entry.name);
  const more = entries.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${String(more)} more` : shown.join(', ');
}

/** One sentence per reason people were left out, each naming them and what to do. */
function skippedSentence(
  reason: RosterSkipReason,
  entries: readonly { readonly name: string }[],
  target: SyncTarget,
): string {
  const who = `${count(entries.length, 'person', 'people')} (${namesOf(entries)})`;
  const syncWith = 'sync roster <department> as <job family>';
  switch (reason) {
    case 'needs-department':
      return `${who} are not on the roster yet. To add them, type "${syncWith}". Departments: ${target.departmentNames.join(', ')}.`;
    case 'needs-job-family':
      return `${who} are not on the roster yet and need a job family: type "sync roster ${target.department?.name ?? '<department>'} as <job family>". Job families: ${target.jobFamilyNames.join(', ')}.`;
    case 'guest':
      return `${who} joined as guests and were left out: the program counts the organisation's own people.`;
    case 'no-upn':
      return `${who} have no sign-in name (UPN) in Teams, so they were left out.`;
    case 'no-object-id':
      return `${who} have no Entra account (bots or external accounts), so they were left out.`;
    case 'upn-taken':
      return `${who} have a UPN the roster gives to someone else: check them in the roster file.`;
    case 'changed-meanwhile':
      return `${who} changed on the roster while this ran: type "sync roster" again.`;
  }
}

const skipOrder: readonly RosterSkipReason[] = [
  'needs-department',
  'needs-job-family',
  'upn-taken',
  'changed-meanwhile',
  'no-upn',
  'guest',
  'no-object-id',
];

/** The reply to `sync roster`: what happened, then each group left out and why. */
export function syncSummary(
  report: RosterSyncReport,
  target: SyncTarget,
  complete: boolean,
): string {
  const joined =
    report.department === undefined
      ? ''
      : ` to ${report.department.name}${report.jobFamily === undefined ? '' : ` (${report.jobFamily.name})`}`;
  const lines = [
    `Roster sync: ${count(report.members, 'member', 'members')} read from this conversation. ` +
      `Added ${String(report.added)}${report.added > 0 ? joined : ''}, updated ${String(report.updated)}, ` +
      `unchanged ${String(report.unchanged)}, skipped ${String(report.skipped.length)}.`,
  ];
  for (const reason of skipOrder) {
    const entries = report.skipped.filter((entry) => entry.reason === reason);
    if (entries.length > 0) lines.push(skippedSentence(reason, entries, target));
  }
  if (!complete) {
    lines.push(
      'This conversation has more members than Lastmile reads at once; the rest were not synced.',
    );
  }
  return lines.join('\n\n');
}

/**
 * `sync roster` in a team, channel or group chat: reads every member through the Bot Connector's
 * paged roster (`GET /v3/conversations/{id}/pagedmembers`, page by page, bounded) and brings them
 * onto the program's roster.
 */
export class RosterChat {
  readonly #deps: RosterChatDeps;

  constructor(deps: RosterChatDeps) {
    this.#deps = deps;
  }

  /** The card answering `sync ...`; throws `AppError`s the bot turns into one sentence. */
  async reply(context: TurnContext, caller: Caller, argument: string): Promise<AdaptiveCardJson> {
    const request = parseSyncArgument(argument);
    if (request.kind === 'unknown') {
      return renderNoticeCard({
        message:
          'Type "sync roster" in a team or group chat to add its members to the roster, or "sync roster <department> as <job family>" to say where new people go.',
      });
    }
    if (isPersonalConversation(context)) {
      return renderNoticeCard({
        message:
          'Roster sync reads the members of a team or group chat: add Lastmile there and type "sync roster".',
      });
    }
    const target = await this.#deps.roster.syncTarget(caller, request);
    const { members, complete } = await this.#members(context);
    const report = await this.#deps.roster.syncMembers(caller, members, target);
    return renderNoticeCard({ message: syncSummary(report, target, complete) });
  }

  async #members(context: TurnContext): Promise<{ members: RosterMember[]; complete: boolean }> {
    const pageSize = this.#deps.pageSize ?? defaultPageSize;
    const maxPages = this.#deps.maxPages ?? defaultMaxPages;
    const botId = context.activity.recipient?.id;
    const members: RosterMember[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const result = await TeamsInfo.getPagedMembers(context, pageSize, continuationToken);
      for (const account of result.members ?? []) {
        if (account.id !== botId) members.push(memberOf(account));
      }
      continuationToken =
        typeof result.continuationToken === 'string' && result.continuationToken !== ''
          ? result.continuationToken
          : undefined;
      if (continuationToken === undefined) return { members, complete: true };
    }
    return { members, complete: false };
  }
}
