// Run the real pipeline, run() itself, on a few files written to a temp folder: the sites it reports (statuses after
// every demotion run() makes) and each file's new text. Fixtures and the oracle check what the CLI would do through
// this, not through a copy of run()'s logic.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Site } from '../../src/model/site.js';
import { run } from '../../src/run/run.js';

export interface RepoSetup {
  /** The repository is this HubSpot library (package.json name). */
  libraryPackage?: string;
  /** The repository is a browser app (package.json depends on a browser bundler). */
  browserApp?: boolean;
}

export interface RunOutcome {
  sites: Site[];
  /** path → the new text (BOM restored), or null when run() plans nothing for it. */
  outputs: Map<string, string | null>;
}

export async function runFiles(files: Map<string, string>, repo: RepoSetup = {}, options: { tokenEnv?: string; rewriteBrowser?: boolean } = {}): Promise<RunOutcome> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mh-run-'));
  try {
    for (const [name, text] of files) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    if (repo.libraryPackage || repo.browserApp) {
      writeFileSync(path.join(root, 'package.json'), JSON.stringify({
        name: repo.libraryPackage ?? 'app',
        ...(repo.browserApp ? { devDependencies: { 'react-scripts': '5.0.0' } } : {}),
      }));
    }
    const { report, plans } = await run({
      root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'hapikey-migration'),
      tokenEnv: options.tokenEnv ?? 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: !!options.rewriteBrowser,
    });
    const outputs = new Map<string, string | null>([...files.keys()].map((k) => [k, null]));
    for (const p of plans) outputs.set(p.file, (p.bom ? '\ufeff' : '') + p.after);
    return { sites: report.sites, outputs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One file through run(), in the shape of the harness's `rewrite`. */
export async function runFile(name: string, raw: string, repo: RepoSetup = {}, options: { tokenEnv?: string; rewriteBrowser?: boolean } = {}): Promise<{ sites: Site[]; output: string | null }> {
  const r = await runFiles(new Map([[name, raw]]), repo, options);
  return { sites: r.sites, output: r.outputs.get(name) ?? null };
}
