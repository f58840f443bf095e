import { describe, expect, it } from 'vitest';
import { renderDiff, renderSummary, TOP_MANUAL } from '../../src/report/terminal.js';
import { KEY, makeReport, PLANS, SITES } from './fixture.js';
import { expectGolden } from './golden.js';

const ANSI = /\x1b\[/;

describe('renderSummary', () => {
  const plain = renderSummary(makeReport(), { color: false, outDir: 'hapikey-migration' });

  it('is plain without color and colored with it', () => {
    expect(plain).not.toMatch(ANSI);
    expect(renderSummary(makeReport(), { color: true })).toMatch(ANSI);
  });

  it('gives counts by status, the scopes to grant, manual follow-ups and where the reports are', () => {
    expect(plain).toContain('7 account-key uses: 5 auto, 2 manual (1 developer key left alone, 1 ignored)');
    expect(plain).toContain('Create a Service Key (Settings › Integrations › Service Keys) with at least these scopes (2 calls whose scopes are unknown, below):\n  crm.lists.read\n');
    expect(plain).toContain('  maybe crm.objects.deals.write (see report.md)');
    expect(plain).toContain('Needs you (2 manual):\n  src/hubspot.ts:25  dynamic-url   ');
    expect(plain).toContain('Reports: hapikey-migration/ (report.md, changes.patch, report.json, report.sarif)');
    expect(plain).toContain('! 1 hard-coded key: rotate it (legacy/sync.js:3 ****-…-0abc)');
  });

  it('leaves out the reports line without outDir', () => {
    expect(renderSummary(makeReport(), { color: false })).not.toContain('Reports:');
  });

  it(`lists at most ${TOP_MANUAL} manual follow-ups`, () => {
    const manual = SITES.find((s) => s.status === 'manual')!;
    const many = Array.from({ length: 8 }, (_, i) => ({ ...manual, id: `m${i}`, line: 100 + i }));
    const out = renderSummary(makeReport({ sites: many }), { color: false });
    expect(out.match(/^ {2}src\/hubspot\.ts:1\d\d /gm)).toHaveLength(TOP_MANUAL);
    expect(out).toContain('…and 3 more in report.md');
  });

  it('says when there is nothing to migrate', () => {
    const out = renderSummary(makeReport({ sites: [], skipped: [], scopes: { required: [], uncertain: [] } }), { color: false });
    expect(out).toContain('No account API key use found: nothing to migrate.');
    expect(out).not.toContain('Next:');
  });

  it('never shows the raw key', () => {
    expect(plain).not.toContain(KEY);
  });

  it('matches the golden summary.txt', () => {
    expectGolden('summary.txt', plain);
  });
});

describe('renderDiff', () => {
  it('masks key literals unless showSecrets', () => {
    expect(renderDiff(PLANS, { color: false, showSecrets: false })).not.toContain(KEY);
    expect(renderDiff(PLANS, { color: false, showSecrets: true })).toContain(KEY);
  });

  it('prints LF lines without BOM, and says what the file keeps', () => {
    const out = renderDiff(PLANS, { color: false, showSecrets: false });
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\uFEFF');
    expect(out).toContain('+++ b/legacy/sync.js  (CRLF line endings, BOM kept)\n@@ -1,9 +1,9 @@\n \'use strict\';\n');
  });

  it('colors added and removed lines only when asked', () => {
    expect(renderDiff(PLANS, { color: false, showSecrets: false })).not.toMatch(ANSI);
    const colored = renderDiff(PLANS, { color: true, showSecrets: false });
    expect(colored).toContain('\x1b[32m+  const res = await fetch(');
    expect(colored).toContain('\x1b[31m-  const res = await fetch(');
  });

  it('is empty without changes', () => {
    expect(renderDiff([], { color: true, showSecrets: false })).toBe('');
  });
});
