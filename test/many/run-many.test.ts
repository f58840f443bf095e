// runMany: one run() per repository, in order; a usage error or a crash in one is recorded and the rest still
// run; the aggregate's own folder is never scanned; an interrupt stops before the next repository.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const calls: Array<{ root: string; outDir: string; exclude: string[] }> = [];
vi.mock('../../src/run/run.js', async () => {
  const { UsageError } = await import('../../src/model/errors.js');
  return {
    run: async (o: { root: string; outDir: string; exclude: string[] }) => {
      calls.push({ root: o.root, outDir: o.outDir, exclude: o.exclude });
      if (o.root.endsWith('crash')) throw new TypeError('Cannot read properties of undefined\n    at scan (x.js:1:1)');
      if (o.root.endsWith('dirty')) throw new UsageError('refusing to write: 1 file(s) to be changed have uncommitted changes');
      return { report: { root: o.root }, plans: [], exitCode: 0 };
    },
  };
});
const { runMany } = await import('../../src/run/many.js');

const base = { mode: 'check' as const, include: [], exclude: ['vendor/**'], gitignore: true, tokenEnv: 'T', allowDirty: false, rewriteBrowser: false };

describe('runMany', () => {
  it('runs each repository; a crash and a usage error are recorded, the others still run; --out inside a repository is excluded', async () => {
    calls.length = 0;
    const repos = [
      { name: 'mono', path: '/w/mono' }, { name: 'crash', path: '/w/crash' }, { name: 'dirty', path: '/w/dirty' }, { name: 'last', path: '/w/last' },
    ];
    const progress: string[] = [];
    const out = await runMany({ repos, base, outRoot: '/w/mono/reports/[all]', onProgress: (d, t, r) => progress.push(`${d}/${t} ${r?.name ?? '-'}`) });
    expect(calls.map((c) => c.root)).toEqual(['/w/mono', '/w/crash', '/w/dirty', '/w/last']);
    expect(calls.map((c) => c.outDir)).toEqual(repos.map((r) => path.join('/w/mono/reports/[all]', r.name)));
    expect(calls[0].exclude).toEqual(['vendor/**', 'reports/[[]all[]]']);
    expect(calls[3].exclude).toEqual(['vendor/**']);
    expect(out.map((o) => (o.error === undefined ? 'ok' : `${o.exitCode} ${o.error}`))).toEqual([
      'ok',
      '70 internal error: Cannot read properties of undefined',
      '2 refusing to write: 1 file(s) to be changed have uncommitted changes',
      'ok',
    ]);
    expect(progress).toEqual(['0/4 mono', '1/4 crash', '2/4 dirty', '3/4 last', '4/4 -']);
  });

  it('after an interrupt no further repository is started; a throwing onOutcome makes that repository failed', async () => {
    calls.length = 0;
    let stop = false;
    const out = await runMany({
      repos: [{ name: 'a', path: '/w/a' }, { name: 'b', path: '/w/b' }, { name: 'c', path: '/w/c' }],
      base: { ...base, interrupted: () => stop },
      outRoot: '/out',
      onOutcome: async (o) => { stop = true; if (o.repo.name === 'a') throw new Error('ENOSPC: no space left'); return o; },
    });
    expect(calls.map((c) => c.root)).toEqual(['/w/a']);
    expect(out.map((o) => [o.repo.name, o.error])).toEqual([
      ['a', 'its reports could not be written: ENOSPC: no space left'],
      ['b', 'not run: interrupted before this repository'],
      ['c', 'not run: interrupted before this repository'],
    ]);
  });
});
