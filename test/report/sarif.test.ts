import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { applyEdits, KEY, makeReport, PLANS, SITES } from './fixture.js';
import { expectGolden } from './golden.js';

// The SARIF 2.1.0 (rtm.5) JSON schema, as shipped in @microsoft/jest-sarif (draft-04, hence ajv-draft-04;
// one of its patterns is not valid with the u flag, hence unicodeRegExp: false).
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the export.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function valid(text: string): void {
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(ok).toBe(true);
}

const text = renderSarif(makeReport(), PLANS);
const log = JSON.parse(text) as Log;
const run = log.runs[0];
const results = run.results!;
const byId = (id: string): Result => results.find((r) => r.partialFingerprints!['hapikeySite/v1'] === id)!;

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0', () => {
    expect(log.version).toBe('2.1.0');
    valid(text);
  });

  it('the schema check does catch invalid SARIF', () => {
    const broken = JSON.parse(text);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool;
    expect(validate(broken)).toBe(false);
  });

  it('has one result per auto, manual and developer-key site; ignored sites are omitted', () => {
    expect(results).toHaveLength(SITES.filter((s) => s.status !== 'ignored').length);
    expect(results.map((r) => r.partialFingerprints!['hapikeySite/v1'])).not.toContain('s-0b1c2d3e01');
  });

  it('has a rule per pattern and status, levels by status', () => {
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual([
      'hapikey/client-option/auto', 'hapikey/params-object/manual', 'hapikey/params-object/auto',
      'hapikey/query-string/auto', 'hapikey/query-string/developer-key', 'hapikey/query-string/manual',
    ].sort());
    for (const r of results) {
      expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
      const status = r.ruleId!.split('/')[2];
      expect(r.level).toBe({ auto: 'warning', manual: 'error', 'developer-key': 'note' }[status]);
    }
  });

  it('locates each site by line and column, with its calls as related locations', () => {
    const r = byId('s-5f1c2a9e01');
    expect(r.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/hubspot.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 70 } });
    expect(r.relatedLocations![0].message!.text).toBe('GET /crm/v3/objects/contacts: needs crm.objects.contacts.read');
    expect(run.originalUriBaseIds!['%SRCROOT%'].uri).toBe('file:///work/acme-crm/');
  });

  it('has stable fingerprints, from the site id', () => {
    expect(renderSarif(makeReport({ sites: [...SITES].reverse() }), [...PLANS].reverse())).toBe(text);
    expect(byId('s-9a0b7c3d01').partialFingerprints).toEqual({ 'hapikeySite/v1': 's-9a0b7c3d01' });
  });

  it('has fixes for auto sites whose replacements turn the original text into the planned text', () => {
    for (const plan of PLANS) {
      const replacements = plan.siteIds.flatMap((id) => byId(id).fixes![0].artifactChanges.flatMap((c) => c.replacements));
      const edits = replacements.map((r) => ({ start: r.deletedRegion.charOffset!, end: r.deletedRegion.charOffset! + r.deletedRegion.charLength!, text: r.insertedContent!.text! }));
      expect(applyEdits(plan.before, edits), plan.file).toBe(plan.after);
    }
    expect(byId('s-5f1c2a9e03').fixes).toBeUndefined();
    expect(byId('s-2d4f6a8c01').fixes).toBeUndefined();
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('leaves out sites this run already rewrote', () => {
    const sites = SITES.map((s) => (s.status === 'auto' ? { ...s, applied: true } : s));
    const out = renderSarif(makeReport({ mode: 'write', sites }), PLANS);
    valid(out);
    expect((JSON.parse(out) as Log).runs[0].results).toHaveLength(3);
  });

  it('lists skipped files as tool notifications', () => {
    const notes = run.invocations![0].toolExecutionNotifications!;
    expect(notes.map((n) => [n.descriptor!.id, n.level]).slice(0, 2)).toEqual([['skipped/parse-error', 'warning'], ['skipped/minified', 'note']]);
  });

  it('never contains the raw key, and says to rotate it', () => {
    expect(text).not.toContain(KEY);
    expect(byId('s-9a0b7c3d01').message.text).toContain('Hard-coded key ****-…-0abc: rotate this key.');
  });

  it('is valid with no sites at all', () => {
    const out = renderSarif(makeReport({ sites: [], skipped: [] }), []);
    valid(out);
    expect((JSON.parse(out) as Log).runs[0].results).toEqual([]);
  });

  it('matches the golden report.sarif', () => {
    expectGolden('report.sarif', text);
  });
});
