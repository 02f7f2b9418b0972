// `npm run playground`: the Microsoft 365 Agents Playground as the Teams client of the local bot
// (`npm start` first). It signs in as people of the demo firm, so the bot knows them: Mia Okafor
// (a member) is the current user; Leo Marsh (her lead), Dana Whitfield (the AI champion) and three
// colleagues are the others. The group chat is their weekly meeting's chat, where a lead types
// `practice`. The Playground's own page switches between these people.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type PlaygroundPerson, playgroundConfigYaml } from './playground-config.js';
import { buildDemoTenant, demoFixedPeople, demoTenantId } from '../src/domain/demo-tenant.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3978';
const endpoint = `http://127.0.0.1:${port}/api/messages`;

const healthy = await fetch(`http://127.0.0.1:${port}/healthz`, {
  signal: AbortSignal.timeout(3_000),
}).then(
  (response) => response.ok,
  () => false,
);
if (!healthy) {
  process.stderr.write(
    `Lastmile is not running on port ${port}. Start it with \`npm start\` in another terminal, then run \`npm run playground\` again.\n`,
  );
  process.exit(1);
}

const { member, lead, champion } = demoFixedPeople;
const colleagues = buildDemoTenant(new Date())
  .people.filter(
    (person) =>
      person.departmentId === member.departmentId &&
      person.id !== member.id &&
      person.id !== lead.id,
  )
  .slice(0, 3);
if (colleagues.length < 3) throw new Error('The demo firm has fewer colleagues than expected');

const person = (demo: { id: string; upn: string; displayName: string }): PlaygroundPerson => ({
  aadObjectId: demo.id,
  upn: demo.upn,
  displayName: demo.displayName,
});
const config = playgroundConfigYaml({
  tenantId: demoTenantId,
  bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Lastmile' },
  currentUser: person(member),
  users: [lead, champion, ...colleagues].map(person),
  personalChatId: 'lastmile-personal-chat',
  groupChat: { id: '19:meeting_strategy-weekly@thread.v2', name: 'Strategy weekly (meeting chat)' },
  team: {
    id: 'lastmile-demo-team',
    name: 'Strategy & Consulting',
    aadGroupId: '00000000-0000-4000-8000-0000000000d1',
    channels: [{ id: 'lastmile-demo-channel', name: 'AI roll-out' }],
  },
});

// The Playground writes its log beside its configuration: both stay in the git-ignored .data.
const folder = path.join(projectRoot, '.data', 'playground');
mkdirSync(folder, { recursive: true });
const configPath = path.join(folder, '.m365agentsplayground.yml');
writeFileSync(configPath, config);

process.stdout.write(
  [
    '',
    `  Agents Playground for the Lastmile bot at ${endpoint}`,
    `  You are ${member.displayName} (${member.upn}), a member; switch people on the Playground's page.`,
    '  Try: help, setup, lesson, progress; in the group chat, as Leo Marsh: @Lastmile practice.',
    '',
  ].join('\n'),
);

const child = spawn(
  process.execPath,
  [
    path.join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
    '-e',
    endpoint,
    '-c',
    'msteams',
    '--disable-telemetry',
  ],
  {
    cwd: folder,
    env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    stdio: 'inherit',
  },
);
const forward = (signal: NodeJS.Signals): void => {
  child.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
