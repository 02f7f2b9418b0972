// The browser tests load the built tab, so build it (only if its sources changed) before any test.
import { ensureBuilt } from '../scripts/build-if-stale.mjs';

export default function setup(): void {
  ensureBuilt({ server: false, tab: true, log: () => undefined });
}
