// What SARIF must satisfy: the 2.1.0 JSON schema (as shipped in @microsoft/jest-sarif), and GitHub code
// scanning's upload rules. Shared by the renderer's unit tests and the tests that run the real CLI.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { expect } from 'vitest';

// The SARIF 2.1.0 (rtm.5) JSON schema is draft-04, hence ajv-draft-04; one of its patterns is not valid with the
// u flag, hence unicodeRegExp: false.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the export.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
export const validate = ajv.compile(schema);

/** Valid against the SARIF 2.1.0 schema. */
export function valid(text: string): void {
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(ok).toBe(true);
}

/** GitHub's hard limits (docs: "SARIF support for code scanning", "results exceed limit"). */
export const GITHUB_LIMITS = { runs: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, locationsPerResult: 1_000, tagsPerRule: 20, gzipBytes: 10 * 1024 * 1024 };

/**
 * Everything in a SARIF log that GitHub code scanning would reject or misplace: over a hard limit; a result without
 * a ruleId, a message, a location or a stable partialFingerprints entry; a URI that is not relative to a declared
 * `uriBaseId` (GitHub reads relative URIs from the top of the repository); a rule without Markdown help.
 */
export function githubUploadProblems(log: Log): string[] {
  const out: string[] = [];
  if (log.version !== '2.1.0') out.push(`version ${log.version}`);
  if (log.runs.length > GITHUB_LIMITS.runs) out.push(`${log.runs.length} runs`);
  for (const [i, run] of log.runs.entries()) {
    const bases = run.originalUriBaseIds ?? {};
    for (const [id, b] of Object.entries(bases)) {
      if (!b.uri || !/^file:\/\/\/.*\/$/.test(b.uri)) out.push(`run ${i}: base ${id} is not an absolute file URI ending in /: ${b.uri}`);
    }
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > GITHUB_LIMITS.rulesPerRun) out.push(`run ${i}: ${rules.length} rules`);
    for (const r of rules) {
      if (!r.help?.markdown || !r.help.text) out.push(`rule ${r.id}: help.markdown and help.text`);
      if (!r.shortDescription?.text || !r.fullDescription?.text) out.push(`rule ${r.id}: descriptions`);
      if (((r.properties?.tags as string[] | undefined) ?? []).length > GITHUB_LIMITS.tagsPerRule) out.push(`rule ${r.id}: too many tags`);
    }
    const results = run.results ?? [];
    if (results.length > GITHUB_LIMITS.resultsPerRun) out.push(`run ${i}: ${results.length} results`);
    const uriProblem = (where: string, loc: { uri?: string; uriBaseId?: string } | undefined): void => {
      if (!loc?.uri) { out.push(`${where}: no uri`); return; }
      if (/^[a-z][a-z0-9+.-]*:/i.test(loc.uri) || loc.uri.startsWith('/')) out.push(`${where}: absolute uri ${loc.uri}`);
      if (loc.uri.includes('..')) out.push(`${where}: uri leaves its base: ${loc.uri}`);
      if (!loc.uriBaseId || !(loc.uriBaseId in bases)) out.push(`${where}: uriBaseId ${loc.uriBaseId} not declared`);
    };
    for (const [j, res] of results.entries()) {
      const where = `run ${i} result ${j}`;
      if (!res.ruleId || (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId)) out.push(`${where}: ruleId/ruleIndex`);
      if (!res.message?.text) out.push(`${where}: no message text`);
      const fp = Object.values(res.partialFingerprints ?? {});
      if (fp.length === 0 || fp.some((v) => typeof v !== 'string' || v === '')) out.push(`${where}: no partialFingerprints`);
      if (!res.locations?.length) out.push(`${where}: no location`);
      if ((res.locations?.length ?? 0) > GITHUB_LIMITS.locationsPerResult) out.push(`${where}: too many locations`);
      if ((res.relatedLocations?.length ?? 0) > GITHUB_LIMITS.locationsPerResult) out.push(`${where}: too many related locations`);
      for (const l of res.locations ?? []) uriProblem(where, l.physicalLocation?.artifactLocation);
      for (const l of res.relatedLocations ?? []) uriProblem(`${where} related`, l.physicalLocation?.artifactLocation);
      for (const f of res.fixes ?? []) for (const c of f.artifactChanges) uriProblem(`${where} fix`, c.artifactLocation);
    }
  }
  return out;
}
