// `npm start`: build what changed, then run the server in this process.
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt({ server: true, tab: true });
const { main } = await import('../dist/src/main.js');
await main();
