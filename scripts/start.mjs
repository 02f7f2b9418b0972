// `npm start`: build what changed, then run the server in this process. Settings come from the
// environment; a local `.env` (written by teamsapp.local.yml, git-ignored) fills in what is unset.
import { existsSync } from 'node:fs';
import { ensureBuilt } from './build-if-stale.mjs';

if (existsSync('.env')) process.loadEnvFile('.env');
ensureBuilt({ server: true, tab: true });
const { main } = await import('../dist/src/server.js');
await main();
