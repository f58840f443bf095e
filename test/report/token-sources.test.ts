import { describe, expect, it } from 'vitest';
import { settableNames, tokenSourcesOf } from '../../src/report/token-sources.js';
import { makeReport } from './fixture.js';

describe('where the token goes: names a user sets, not expressions', () => {
  it.each([
    ['process.env.HUBSPOT_API_KEY', ['HUBSPOT_API_KEY']],
    ["process.env.HUBSPOT_API_KEY ?? ''", ['HUBSPOT_API_KEY']],
    ["process.env['HUBSPOT_KEY'] || \"\"", ['HUBSPOT_KEY']],
    ['import.meta.env.VITE_HUBSPOT_KEY', ['VITE_HUBSPOT_KEY']],
    ["Deno.env.get('HS_KEY')", ['HS_KEY']],
    ['process.env.A || process.env.B', ['A', 'B']],
    ['$HUBSPOT_API_KEY', ['HUBSPOT_API_KEY']],
    ['config.hubspot.apiKey', ['config.hubspot.apiKey']],
    ["config.hubspot.apiKey || ''", ['config.hubspot.apiKey']],
    ["portal === 'origin' ? config.origin.apiKey : config.target.apiKey", ['config.origin.apiKey', 'config.target.apiKey']],
    ['getKey(portal)', ['getKey(portal)']],
  ])('%s → %j', (expression, names) => {
    expect(settableNames(expression)).toEqual(names);
  });

  it('lists each variable once, in report order', () => {
    const report = makeReport({ tokenSources: ["process.env.HUBSPOT_API_KEY ?? ''", 'process.env.HUBSPOT_API_KEY', '$HUBSPOT_API_KEY', 'process.env.HUBSPOT_ACCESS_TOKEN'] });
    expect(tokenSourcesOf(report)).toEqual(['HUBSPOT_API_KEY', 'HUBSPOT_ACCESS_TOKEN']);
  });
});
