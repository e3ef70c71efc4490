#!/usr/bin/env node
// The command line runs the built core (out/main/cli.js), the same code the app ships.
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('comptoir: not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
require(cli);
