// The command line's baseline: reading the files and splitting them into lines and fields, nothing else.
//   node bench/split.js FILE...
'use strict';
const { readFileSync } = require('node:fs');
let fields = 0;
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8');
  for (const line of text.split('\n')) fields += line.split(',').length;
}
process.stdout.write(`${fields} fields\n`);
