// The system parts the whole test suite needs, each with the Debian package that brings it.
// One list for `npm test` (which stops first when one is missing) and `.ci/run` (which installs
// them): `node scripts/system-parts.mjs` prints the Debian packages still missing, space-separated.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const systemParts = [
  // Simulated modems on real pseudo-terminals.
  { name: 'socat', program: 'socat', debian: 'socat' },
  // A third-party AT client driven against the simulator.
  { name: 'gammu', program: 'gammu', debian: 'gammu' },
  // The browser tests and the host's PDFs; the same default as electron/printers.
  {
    name: 'chromium',
    file: { env: 'CHROMIUM_PATH', otherwise: '/usr/bin/chromium' },
    debian: 'chromium',
  },
  // Printed PDFs are read back as text.
  { name: 'pdftotext', program: 'pdftotext', debian: 'poppler-utils' },
  // Lists the fonts, so that the next part can be checked at all.
  { name: 'fc-list', program: 'fc-list', debian: 'fontconfig' },
  // Without one, Chromium draws Chinese receipts and Z reports as empty boxes.
  { name: 'a CJK font', fontLanguage: 'zh', debian: 'fonts-noto-cjk' },
  // The head office's database: the tests start their own cluster (test/support/postgres.ts).
  {
    name: 'PostgreSQL',
    postgres: { env: 'COMPTOIR_PG_ROOT', otherwise: '/usr/lib/postgresql' },
    debian: 'postgresql',
  },
];

/**
 * The folder of PostgreSQL's programs (`initdb`, `pg_ctl`): the newest version installed under
 * $COMPTOIR_PG_ROOT, else under Debian's /usr/lib/postgresql; null when there is none.
 */
export function postgresBinFolder(env) {
  const { env: name, otherwise } = systemParts.find((part) => part.postgres).postgres;
  const root = env[name] || otherwise;
  let versions = [];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const newest = versions
    .filter((version) => isProgram(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : path.join(root, newest, 'bin');
}

function isProgram(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(program, searchPath) {
  return (searchPath ?? '')
    .split(path.delimiter)
    .some((folder) => folder !== '' && isProgram(path.join(folder, program)));
}

/**
 * The parts missing on this machine. `env` gives PATH (and CHROMIUM_PATH); `listFonts(language)`
 * answers the font families covering a language (none when no font lister runs).
 */
export function missingParts({ env, listFonts, parts = systemParts }) {
  return parts.filter((part) => {
    if (part.program) return !onPath(part.program, env.PATH);
    if (part.file) return !isProgram(env[part.file.env] || part.file.otherwise);
    if (part.postgres) return postgresBinFolder(env) === null;
    return listFonts(part.fontLanguage).length === 0;
  });
}

/** The one line `npm test` prints before anything else when parts are missing. */
export function missingLine(missing) {
  const packages = [...new Set(missing.map((part) => part.debian))].join(' ');
  return `Missing: ${missing.map((part) => part.name).join(', ')}. Install them with: apt-get install -y ${packages}`;
}

/** fontconfig's answer for a language: `fc-list :lang=zh family`, one family per line. */
export function fontconfigFonts(env) {
  return (language) => {
    const listed = spawnSync('fc-list', [`:lang=${language}`, 'family'], { env, encoding: 'utf8' });
    if (listed.status !== 0) return [];
    return listed.stdout.split('\n').filter((line) => line.trim() !== '');
  };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const missing = missingParts({ env: process.env, listFonts: fontconfigFonts(process.env) });
  console.log([...new Set(missing.map((part) => part.debian))].join(' '));
}
