// The README's workflows are valid YAML and use what this repository ships: the five-line workflow runs the action
// after a checkout with the permission code scanning needs; the organisation example fans out with a matrix and
// collects with `aggregate out/*/report.json`, reading the action's outputs that exist.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { read, REPO } from '../e2e/helpers.js';

const readme = read(path.join(REPO, 'README.md'));
const action = YAML.parse(read(path.join(REPO, 'action.yml')));

function yamlBlockAfter(heading: string): { text: string; doc: any } {
  const from = readme.indexOf(heading);
  expect(from, heading).toBeGreaterThan(-1);
  const m = /```yaml\n([^]*?)```/.exec(readme.slice(from))!;
  return { text: m[1], doc: YAML.parse(m[1]) };
}

describe('README workflows', () => {
  it('the action\'s workflow is five lines: checkout, then the action, with security-events: write', () => {
    const { text, doc } = yamlBlockAfter('## In CI: the GitHub Action');
    expect(text.trimEnd().split('\n')).toHaveLength(5);
    expect(doc.permissions['security-events']).toBe('write');
    const steps = Object.values<any>(doc.jobs)[0].steps;
    expect(steps.map((s: any) => s.uses)).toEqual(['actions/checkout@v5', 'OWNER/migrate-hapikey@v1']);
  });

  it('the organisation example: a matrix job per repository using the action\'s outputs, then aggregate', () => {
    const { doc } = yamlBlockAfter('### Across an organisation');
    expect(doc.jobs.scan.strategy.matrix.repo.length).toBeGreaterThan(1);
    const hapikey = doc.jobs.scan.steps.find((s: any) => s.uses === 'OWNER/migrate-hapikey@v1');
    for (const input of Object.keys(hapikey.with)) expect(Object.keys(action.inputs)).toContain(input);
    const used = [...JSON.stringify(doc).matchAll(/steps\.hapikey\.outputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const o of used) expect(Object.keys(action.outputs)).toContain(o);
    expect(doc.jobs.collect.needs).toBe('scan');
    expect(doc.jobs.collect.steps.map((s: any) => s.run ?? '').join('\n')).toMatch(/aggregate out\/\*\/report\.json/);
  });
});
