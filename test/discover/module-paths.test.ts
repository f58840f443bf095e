// The importer prefilter: a specifier that may name a file must not be dropped before it is resolved.
import { describe, expect, it } from 'vitest';
import { mayName, parseAliases } from '../../src/discover/module-paths.js';

describe('mayName', () => {
  it('keeps specifiers holding the stem, or the folder of an index file', () => {
    expect(mayName('./hubspot', 'src/hubspot.js')).toBe(true);
    expect(mayName('../lib', 'src/lib/index.ts')).toBe(true);
  });
  it('keeps ./index, ../sdk/index.js and dot-only specifiers for an index file', () => {
    expect(mayName('./index', 'src/sdk/index.js')).toBe(true);
    expect(mayName('../sdk/index.js', 'src/sdk/index.js')).toBe(true);
    expect(mayName('.', 'src/sdk/index.js')).toBe(true);
    expect(mayName('..', 'src/sdk/index.js')).toBe(true);
    expect(mayName('../..', 'src/index.ts')).toBe(true);
    expect(mayName('./', 'src/sdk/index.js')).toBe(true);
  });
  it('drops specifiers that cannot name the file', () => {
    expect(mayName('./index', 'src/sdk/client.js')).toBe(false);
    expect(mayName('..', 'src/sdk/client.js')).toBe(false);
    expect(mayName('./reindex', 'src/sdk/index.js')).toBe(false);
    expect(mayName('lodash', 'src/sdk/index.js')).toBe(false);
  });
  it('keeps an exact tsconfig alias, whatever its name', () => {
    const aliases = parseAliases('{ "compilerOptions": { "paths": { "crm": ["src/sdk/client.js"] } } }');
    expect(mayName('crm', 'src/sdk/client.js', aliases)).toBe(true);
    expect(mayName('crm', 'src/sdk/client.js')).toBe(false);
  });
});
