// `npm test` runs this first (the "pretest" script): the browser tests need Debian's chromium and the
// PDF checks poppler-utils. When they are missing, install them if this process may (root, with apt),
// or stop at once with the one line to run, rather than fail a hundred browser tests minutes later.
// Plain .mjs with no dependencies: it must run before anything else is known to work.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium'; // as tests/helpers/browser.ts launches it
const PACKAGES = ['chromium', 'poppler-utils'];

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function missing() {
  const out = [];
  if (!existsSync(CHROMIUM)) out.push('chromium');
  if (!onPath('pdftoppm') || !onPath('pdftotext')) out.push('poppler-utils');
  return out;
}

const lacking = missing();
if (lacking.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const command = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;
if (!isRoot || !onPath('apt-get')) {
  console.error(`npm test needs ${lacking.join(' and ')}: run  sudo ${command.replace('&& ', '&& sudo ')}`);
  process.exit(1);
}
console.log(`npm test needs ${lacking.join(' and ')}: installing (${command})`);
try {
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`installing ${lacking.join(' and ')} failed: run  ${command}`);
  process.exit(1);
}
const still = missing();
if (still.length) {
  console.error(`still missing after installing: ${still.join(', ')}; run  ${command}`);
  process.exit(1);
}
