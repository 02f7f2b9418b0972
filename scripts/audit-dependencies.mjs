// `npm run audit`: npm's advisory check for the packages the server ships with (production
// dependencies), failing on high or critical advisories. When the registry's advisory endpoint
// cannot be reached (some networks allow the registry but not its audit API), it says so and exits
// 2, so "no advisories" is never claimed without an answer.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (counts === undefined) {
  const reason = String(report?.message ?? report?.error?.summary ?? run.stderr ?? '')
    .trim()
    .split('\n')[0];
  console.error(`npm audit got no answer from the registry's advisory API: ${reason}`);
  console.error('Run `npm run audit` where registry.npmjs.org/-/npm/v1/security is reachable.');
  process.exit(2);
}
console.log(JSON.stringify({ audit: 'production dependencies', ...counts }));
process.exit(counts.high > 0 || counts.critical > 0 ? 1 : 0);
