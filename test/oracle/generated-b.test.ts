// Generated programs, part b: a seeded property run (seed printed on failure with the shrunk counterexample).
// Every auto rewrite keeps every request authenticated with the same value; a manual site leaves the file unchanged.
// ORACLE_SEED=<n> ORACLE_RUNS=<n> replay or widen the run. Shapes in KNOWN_WRONG (generate/shape.ts) are left out.
import { it } from 'vitest';
import { runGenerated, SEED } from './generate/run.js';

const RUNS = Number(process.env.ORACLE_RUNS ?? 500);

it(`${RUNS} generated programs keep every request authenticated (seed ${SEED + 1})`, async () => {
  await runGenerated(SEED + 1, RUNS);
});
