#!/usr/bin/env node
// Entry point of `npx migrate-hapikey`.
import { main } from './main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`migrate-hapikey: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
