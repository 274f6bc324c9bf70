#!/usr/bin/env node
// The command line, built by `npm run build` (npm install runs it) into dist/cli.js.
try {
  require.resolve('../dist/cli.js');
} catch {
  console.error('leadlag: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
process.exitCode = require('../dist/cli.js').run(
  process.argv.slice(2),
  (s) => process.stdout.write(s + '\n'),
  (s) => process.stderr.write(s + '\n'),
);
