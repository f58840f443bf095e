// Rewrite a generated program with the tool, through run() itself on a temp folder, and run the oracle.
import type { Site } from '../../../src/model/site.js';
import { runFiles } from '../../rewrite/run-files.js';
import { checkProject, executeProject } from '../oracle.js';
import { render, type Program } from './render.js';
import type { Shape } from './shape.js';

export interface Checked {
  program: Program;
  outputs: Map<string, string>;
  sites: Site[];
  problems: string[];
}

export async function checkProgram(program: Program): Promise<Checked> {
  const outputs = new Map<string, string>();
  const sites: Site[] = [];
  const problems: string[] = [];
  const r = await runFiles(program.files);
  sites.push(...r.sites);
  for (const [name, src] of program.files) {
    const out = r.outputs.get(name) ?? null;
    outputs.set(name, out ?? src);
    if (out !== null && !r.sites.some((x) => x.file === name && x.status === 'auto')) problems.push(`${name} changed without an auto site`);
  }
  if (sites.some((x) => x.status === 'auto')) {
    const res = await checkProject(program.files, outputs, sites, undefined, { reuseContext: true });
    if (res.keyed === 0) problems.push(`the program sent no key (generator or driver fault); errors: ${res.before.errors.join('; ')}`);
    problems.push(...res.problems);
  } else {
    // a manual site leaves the program unchanged (checked above); still, the program must really send the key
    const before = await executeProject(program.files, { reuseContext: true });
    if (!before.requests.some((r) => /hapikey=|^sdk:/.test(r.url))) problems.push(`the program sent no key (generator or driver fault); errors: ${before.errors.join('; ')}`);
  }
  return { program, outputs, sites, problems };
}

export function checkShape(s: Shape): Promise<Checked> {
  return checkProgram(render(s));
}

/** A failure message that shows the program, the rewrite and what went wrong. */
export function explain(c: Checked): string {
  const parts: string[] = [];
  for (const [name, src] of c.program.files) {
    parts.push(`--- ${name} (before)\n${src}`);
    if (c.outputs.get(name) !== src) parts.push(`--- ${name} (after)\n${c.outputs.get(name)}`);
  }
  parts.push(`sites: ${c.sites.map((s) => `${s.file}:${s.line} ${s.status}${s.reason ? ` (${s.reason})` : ''}`).join(', ')}`);
  parts.push(...c.problems);
  return parts.join('\n');
}
