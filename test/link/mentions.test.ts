import { describe, expect, it } from 'vitest';
import { unmentioned } from '../../src/link/mentions.js';
import { NO_ALIASES } from '../../src/discover/module-paths.js';
import type { LinkHost } from '../../src/link/program.js';

function host(files: Record<string, string | null>): LinkHost {
  return { files: Object.keys(files), text: (p) => files[p] ?? null, aliases: NO_ALIASES };
}

describe('unmentioned: no other file names the function', () => {
  const check = { siteId: 's1', file: 'src/crm.js', name: 'getOptions' };

  it('the defining file alone may mention it', () => {
    expect(unmentioned([check], host({ 'src/crm.js': 'getOptions() {} this.getOptions()', 'src/app.js': 'crm.contacts()' }))).toEqual(new Set(['s1']));
  });

  it('a call, a comment or a longer name that contains it', () => {
    expect(unmentioned([check], host({ 'src/crm.js': '', 'src/app.js': 'const o = await crm.getOptions();' }))).toEqual(new Set());
    expect(unmentioned([check], host({ 'src/crm.js': '', 'src/app.js': '// see getOptions' }))).toEqual(new Set());
    expect(unmentioned([check], host({ 'src/crm.js': '', 'src/app.js': 'getOptionsFor(x); $getOptions; _getOptions' }))).toEqual(new Set(['s1']));
  });

  it('each check by its own name and file; files the host does not read are not searched', () => {
    const other = { siteId: 's2', file: 'src/deals.js', name: 'dealOptions' };
    const files = { 'src/crm.js': 'dealOptions', 'src/deals.js': 'getOptions()', 'dist/bundle.js': null };
    expect(unmentioned([check, other], host(files))).toEqual(new Set());
    expect(unmentioned([check, other], host({ 'src/crm.js': '', 'src/deals.js': 'dealOptions()', 'dist/bundle.js': null }))).toEqual(new Set(['s1', 's2']));
  });

  it('a name with regex characters is searched as text', () => {
    expect(unmentioned([{ siteId: 's', file: 'a.js', name: '$opts' }], host({ 'a.js': '', 'b.js': 'x.$opts()' }))).toEqual(new Set());
  });
});
