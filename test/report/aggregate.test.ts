// The aggregate's pure parts: names, reading report.json, exit codes, totals and scope unions, rendering.
import { describe, expect, it } from 'vitest';
import { buildAggregate, entryFromReport, exitCodeOf, failedEntry, overallExitCode, parseReport, renderAggregateJson, uniqueNames } from '../../src/report/aggregate.js';
import { renderAggregateMarkdown } from '../../src/report/aggregate-md.js';
import { renderJson } from '../../src/report/json.js';
import { KEY, makeReport } from './fixture.js';

describe('uniqueNames', () => {
  it('makes folder-safe, unique names in order; never the summary files\' names', () => {
    expect(uniqueNames(['api', 'api', 'Api', 'web app', '', '..', 'summary.md', 'a/b'])).toEqual(['api', 'api-2', 'Api-3', 'web_app', 'repository', 'repository-2', 'summary.md-2', 'a_b']);
  });
});

describe('parseReport', () => {
  const report = makeReport({ mode: 'check' });
  const text = renderJson(report);

  it('reads what report.json holds, and ignores fields it does not know', () => {
    const d = parseReport(text.replace('"schemaVersion": 1,', '"schemaVersion": 1, "future": {"x": 1},'));
    expect(d).toEqual({ root: report.root, mode: 'check', summary: report.summary, scopes: report.scopes, skipped: report.skipped.map((s) => ({ ...s })) });
  });

  it('says why a file is not a report it can read', () => {
    expect(parseReport('{')).toEqual({ error: expect.stringMatching(/^not JSON/) });
    expect(parseReport('[]')).toEqual({ error: expect.stringMatching(/not a JSON object/) });
    expect(parseReport('{"tool": {"name": "eslint"}}')).toEqual({ error: expect.stringMatching(/tool\.name/) });
    expect(parseReport(text.replace('"schemaVersion": 1', '"schemaVersion": 2'))).toEqual({ error: expect.stringMatching(/schemaVersion 2/) });
    expect(parseReport(text.replace('"sites": 9', '"sites": -1'))).toEqual({ error: expect.stringMatching(/summary counts/) });
  });
});

describe('exit codes', () => {
  it('a report\'s: 1 for --check with uses left, 3 for unprocessed files, else 0', () => {
    const digest = (o: Parameters<typeof makeReport>[0]) => parseReport(renderJson(makeReport(o))) as Exclude<ReturnType<typeof parseReport>, { error: string }>;
    expect(exitCodeOf(digest({ mode: 'check' }))).toBe(1);
    expect(exitCodeOf(digest({ mode: 'dry-run' }))).toBe(3); // the fixture has a parse-error skip
    expect(exitCodeOf(digest({ mode: 'dry-run', skipped: [] }))).toBe(0);
  });

  it('the whole: 1 wins, then any failure is 3', () => {
    const ok = entryFromReport('a', makeReport({ skipped: [] }), 0, null);
    const found = { ...ok, exitCode: 1 };
    const failed = failedEntry('b', '/x', 2, 'path does not exist: /x');
    expect(overallExitCode([ok])).toBe(0);
    expect(overallExitCode([ok, failed])).toBe(3);
    expect(overallExitCode([failed, found])).toBe(1);
  });
});

describe('buildAggregate', () => {
  it('adds up counts, unites scopes (required wins over uncertain), counts clean and failed; masks errors', () => {
    const a = entryFromReport('a', makeReport({ scopes: { required: ['crm.objects.contacts.read'], uncertain: ['crm.objects.deals.read'] } }), 0, 'a/report.json');
    const clean = makeReport({ summary: { filesScanned: 1, filesSkipped: 0, sites: 0, byStatus: { auto: 0, manual: 0, 'developer-key': 0, ignored: 0 }, applied: 0 }, scopes: { required: ['crm.objects.deals.read'], uncertain: [] } });
    const b = entryFromReport('b', clean, 0, 'b/report.json');
    const c = failedEntry('c', '/c', 70, `internal error: bad key ${KEY}`);
    const agg = buildAggregate([a, b, c], '9.9.9');
    expect(agg.totals).toEqual({ repositories: 3, clean: 1, withKeyUse: 1, failed: 1, sites: a.summary!.sites, byStatus: a.summary!.byStatus, applied: 0 });
    expect(agg.scopes).toEqual({ required: ['crm.objects.contacts.read', 'crm.objects.deals.read'], uncertain: [] });
    expect(c.error).not.toContain(KEY);
    const json = JSON.parse(renderAggregateJson(agg));
    expect(Object.keys(json).slice(0, 2)).toEqual(['schemaVersion', 'repositories']);
    expect(json.repositories[2]).toEqual({ name: 'c', path: '/c', exitCode: 70, summary: null, scopes: null, error: c.error, mode: null, remaining: null, clean: false, report: null });
    const md = renderAggregateMarkdown(agg);
    expect(md).toContain('| [a](a/report.md) |');
    expect(md).toContain('| c | – | – | – | – | – | **failed** (exit 70): internal error');
    expect(md).not.toContain(KEY);
  });
});
