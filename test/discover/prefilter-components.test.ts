import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractScripts } from '../../src/discover/components.js';
import { CONFIG_PREFILTER, mayHoldKey, PREFILTER } from '../../src/discover/prefilter.js';

const COMP = path.resolve(__dirname, '../../fixtures/discover/components');

describe('mayHoldKey', () => {
  it.each([
    'fetch(`https://api.example.io/x?hapikey=${k}`)',
    'const HAPIKEY = process.env.HAPIKEY',
    'params: { hapi_key: k }',
    'HAPI_KEY=abc',
    "const hubspot = require('hubspot')",
    "import { Client } from '@hubspot/api-client'",
    "new HubSpotClient() // from 'hubspot-api'",
    'https://api.hubapi.com/crm/v3/objects/contacts',
    'HUBSPOT_API_KEY=',
  ])('passes %s', (s) => {
    expect(mayHoldKey(s)).toBe(true);
  });

  it.each(['const apiKey = process.env.STRIPE_KEY', 'export const x = 1;', "algolia({ apiKey: 'k' })", 'HS_API_KEY=1'])(
    'rejects %s (code)',
    (s) => {
      expect(mayHoldKey(s)).toBe(false);
      expect(mayHoldKey(s, { language: 'ts' })).toBe(false);
    },
  );

  it('also passes HS_API_KEY-like names and apiKey entries in config languages', () => {
    expect(mayHoldKey('HS_API_KEY=1', { language: 'env' })).toBe(true);
    expect(mayHoldKey('{ "origin": { "apiKey": (APIキー: string) } }', { language: 'json' })).toBe(true);
    expect(mayHoldKey('origin:\n  api_key: x\n', { language: 'yaml' })).toBe(true);
    expect(mayHoldKey('export HS_KEY=1', { language: 'shell' })).toBe(true);
    expect(mayHoldKey('{ "name": "x" }', { language: 'json' })).toBe(false);
  });

  it('is one case-insensitive regex, exported for docs and benchmarks', () => {
    expect(PREFILTER).toBeInstanceOf(RegExp);
    expect(PREFILTER.flags).toBe('i');
    expect(CONFIG_PREFILTER.flags).toBe('i');
  });
});

describe('extractScripts', () => {
  it('Vue: the script blocks with their languages, leaving out comments and x-template scripts', () => {
    const text = fs.readFileSync(path.join(COMP, 'ContactList.vue'), 'utf8');
    const blocks = extractScripts(text, 'vue');
    expect(blocks.map((b) => b.lang)).toEqual(['ts', 'tsx']);
    expect(text.slice(blocks[0].start, blocks[0].end)).toBe("\nexport default { name: 'ContactList' };\n");
    const setup = text.slice(blocks[1].start, blocks[1].end);
    expect(setup).toBe('\nconst url = `https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${import.meta.env.VITE_KEY}`;\n');
    // offsets map back into the file
    const at = text.indexOf('hapikey=');
    expect(at).toBeGreaterThan(blocks[1].start);
    expect(at).toBeLessThan(blocks[1].end);
  });

  it('Svelte: module and instance scripts (any case), no self-closing src script', () => {
    const text = fs.readFileSync(path.join(COMP, 'DealBoard.svelte'), 'utf8');
    const blocks = extractScripts(text, 'svelte');
    expect(blocks).toHaveLength(2);
    expect(blocks.map((b) => b.lang)).toEqual(['js', 'js']);
    expect(text.slice(blocks[0].start, blocks[0].end)).toBe('\n  export const prerender = false;\n');
    expect(text.slice(blocks[1].start, blocks[1].end)).toBe(
      "\n  let deals = [];\n  fetch('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + key);\n",
    );
  });

  it('handles attributes in single quotes, bare values, typescript types and an unclosed block', () => {
    const text = "<script lang=ts>a</script><script type='text/typescript'>b</script><script lang=\"jsx\">c</script><script>d";
    const blocks = extractScripts(text, 'vue');
    expect(blocks.map((b) => [text.slice(b.start, b.end), b.lang])).toEqual([
      ['a', 'ts'],
      ['b', 'ts'],
      ['c', 'jsx'],
      ['d', 'js'],
    ]);
    expect(blocks[0]).toEqual({ start: 16, end: 17, lang: 'ts' });
    expect(blocks[3]).toEqual({ start: text.length - 1, end: text.length, lang: 'js' });
  });
});
