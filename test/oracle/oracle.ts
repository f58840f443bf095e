// Execute a program before and after its rewrite and check the property (see property.ts).
import type { Site } from '../../src/model/site.js';
import { drive } from './drive.js';
import { compareRuns, keyOf } from './property.js';
import { Recorder, isHubSpotUrl, type Recorded } from './record.js';
import { envValue, load, newContext, sharedContext, type Project } from './sandbox.js';

export interface Execution {
  requests: Recorded[];
  errors: string[];
}

export async function execute(name: string, source: string): Promise<Execution> {
  return executeProject(new Map([[name, source]]));
}

/** Load and drive every file of a program, in order; relative `require`s between them resolve to each other. */
export async function executeProject(files: Map<string, string>, options: { reuseContext?: boolean } = {}): Promise<Execution> {
  const rec = new Recorder();
  const project: Project = { files, loaded: new Map(), context: options.reuseContext ? sharedContext() : newContext() };
  for (const [name, source] of files) {
    try {
      const mod = project.loaded.get(name) ?? load(name, source, rec, project);
      await drive(mod, rec);
    } catch (e) {
      rec.errors.push(`${name}: load: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  return { requests: rec.requests, errors: rec.errors };
}

export interface OracleResult {
  before: Execution;
  after: Execution;
  /** Requests to HubSpot that carried a key before. */
  keyed: number;
  problems: string[];
}

/**
 * Run `input` and `output` and compare. A key value that appears in the input as a literal and whose site took its
 * token from the token variable (`env-default`) must now be that variable's value.
 */
export async function checkRewrite(name: string, input: string, output: string, sites: Site[], tokenEnv = 'HUBSPOT_ACCESS_TOKEN'): Promise<OracleResult> {
  return checkProject(new Map([[name, input]]), new Map([[name, output]]), sites, tokenEnv);
}

/** The same over a program of several files (the rewritten map holds every file, changed or not). */
export async function checkProject(inputs: Map<string, string>, outputs: Map<string, string>, sites: Site[], tokenEnv = 'HUBSPOT_ACCESS_TOKEN', options: { reuseContext?: boolean } = {}): Promise<OracleResult> {
  const before = await executeProject(inputs, options);
  const after = await executeProject(outputs, options);
  const input = [...inputs.values()].join('\n');
  const replacedLiterals = new Map<string, string>();
  if (sites.some((s) => s.status === 'auto' && s.token?.origin === 'env-default')) {
    for (const r of before.requests) {
      const k = keyOf(r);
      if (k !== null && [`'${k}'`, `"${k}"`, `hapikey=${k}`].some((t) => input.includes(t))) replacedLiterals.set(k, envValue(tokenEnv));
    }
  }
  const keyMayStay = sites.some((s) => s.status === 'manual' || s.status === 'developer-key');
  const problems = compareRuns(before.requests, after.requests, { replacedLiterals, keyMayStay });
  const newErrors = after.errors.filter((e) => !before.errors.includes(e));
  if (newErrors.length) problems.push(`the rewritten program fails where the original did not: ${newErrors.join('; ')}`);
  const keyed = before.requests.filter((r) => isHubSpotUrl(r.url) && keyOf(r) !== null).length;
  return { before, after, keyed, problems };
}
