/**
 * The bot's text commands and the pure parsing of what a person typed. Mentions are stripped before
 * this runs (see `lastmile-bot.ts`), so the text here is only what the person meant to say.
 */

export const commandNames = [
  'help',
  'lesson',
  'progress',
  'setup',
  'flag',
  'suggest',
  'practice',
  'sync',
  'pulse',
] as const;
export type CommandName = (typeof commandNames)[number];

export interface CommandInfo {
  readonly name: CommandName;
  /** One line, shown on the help card. */
  readonly summary: string;
}

export const commandCatalog: readonly CommandInfo[] = [
  { name: 'help', summary: 'Show this list of commands.' },
  { name: 'lesson', summary: "Take this week's 5-minute lesson for your role." },
  { name: 'progress', summary: 'See the lessons and practice sessions you have done.' },
  { name: 'setup', summary: 'Choose your job family, department and when lessons arrive.' },
  { name: 'flag', summary: 'Flag AI output that was wrong, biased or unhelpful.' },
  { name: 'suggest', summary: 'Suggest a better way to run one of your workflows.' },
  {
    name: 'practice',
    summary: "Start your team's 20-minute practice (leads, in a meeting, group or channel).",
  },
  {
    name: 'sync',
    summary:
      'Type "sync roster" in a team or group chat to add its members to the roster (admins, champions).',
  },
  { name: 'pulse', summary: "Answer this week's one-question pulse: how long a task took." },
];

export type ParsedCommand =
  | { readonly kind: 'command'; readonly name: CommandName; readonly argument: string }
  | { readonly kind: 'unknown'; readonly text: string };

const knownNames: ReadonlySet<string> = new Set(commandNames);

function isCommandName(word: string): word is CommandName {
  return knownNames.has(word);
}

/**
 * Reads the first word as the command, case-insensitively; the rest is its argument. Trailing
 * sentence punctuation is forgiven ("Help?" means help) because people type to a bot as they talk.
 */
export function parseCommand(text: string | undefined): ParsedCommand {
  const trimmed = (text ?? '').trim();
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  const first = match?.[1] ?? '';
  const word = first.toLowerCase().replace(/[.!?]+$/u, '');
  if (isCommandName(word)) {
    return { kind: 'command', name: word, argument: (match?.[2] ?? '').trim() };
  }
  return { kind: 'unknown', text: trimmed };
}
