// The physical floor for the scanner: read every file of a given list (one relative path per line, relative to
// the current directory) with readFileSync(utf8), as the CLI must. With --prefilter, also run the CLI's own text
// prefilter on each (the regex of src/discover/prefilter.ts) and count the candidates. Listing is not part of it:
// the list is given.
//
//   node scripts/bench/floor.mjs LIST_FILE [--prefilter]
import { readFileSync } from 'node:fs';

const PREFILTER = /hapi_?key|hubapi|hubspot/i;

const listFile = process.argv[2];
const prefilter = process.argv.includes('--prefilter');
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
let bytes = 0;
let candidates = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  if (prefilter && PREFILTER.test(text)) candidates++;
}
process.stdout.write(`files=${files.length} chars=${bytes}${prefilter ? ` candidates=${candidates}` : ''}\n`);
