// One seeded property run over generated programs (each test file runs its own seed, so workers share the load).
import fc from 'fast-check';
import { expect } from 'vitest';
import { shapes } from './arbitrary.js';
import { checkShape, explain } from './check.js';

export const SEED = Number(process.env.ORACLE_SEED ?? 20261202);

export async function runGenerated(seed: number, numRuns: number): Promise<void> {
  let rewritten = 0;
  let total = 0;
  const property = fc.asyncProperty(shapes(), async (s) => {
    const c = await checkShape(s);
    total++;
    if (c.sites.some((x) => x.status === 'auto')) rewritten++;
    if (c.problems.length) throw new Error(`shape ${JSON.stringify(s)}\n${explain(c)}`);
  });
  const details = await fc.check(property, { seed, numRuns });
  if (details.failed) {
    // seed, shrink path and the shrunk counterexample (its program, rewrite and problems)
    const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${fc.defaultReportMessage(details) ?? `failed (seed ${seed})`}\n\n${why}`);
  }
  // the run proves something only while most programs really are rewritten and executed
  expect(rewritten / total, `${rewritten} of ${total} programs had an auto rewrite`).toBeGreaterThan(0.3);
}
