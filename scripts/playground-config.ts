import { stringify } from 'yaml';

/**
 * The Agents Playground's configuration file (`.m365agentsplayground.yml`, schema 0.1.1): one
 * tenant, the bot, the current user, exactly five other users, the personal chat, one group chat
 * and one team. `npm run playground` and the tests' Playground write it through here.
 */

export interface PlaygroundPerson {
  /** The Entra object id the bot reads from each activity. */
  readonly aadObjectId: string;
  readonly upn: string;
  readonly displayName: string;
}

export interface PlaygroundFile {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundPerson;
  readonly users: readonly PlaygroundPerson[];
  readonly personalChatId: string;
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

/** A user entry; the schema spells the UPN field `userPrincipleName`. Ids are `user-id-<n>`. */
function playgroundUser(person: PlaygroundPerson, index: number): Record<string, string> {
  const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
  return {
    id: `user-id-${String(index)}`,
    name: person.displayName,
    userPrincipleName: person.upn,
    aadObjectId: person.aadObjectId,
    givenName,
    surname: rest.join(' ') || givenName,
    email: person.upn,
  };
}

export function playgroundConfigYaml(file: PlaygroundFile): string {
  if (file.users.length !== 5) throw new Error('The Playground takes exactly five other users');
  return stringify({
    version: '0.1.1',
    tenantId: file.tenantId,
    bot: file.bot,
    currentUser: playgroundUser(file.currentUser, 0),
    users: file.users.map((person, index) => playgroundUser(person, index + 1)),
    personalChat: { id: file.personalChatId },
    groupChat: file.groupChat,
    team: file.team,
  });
}
