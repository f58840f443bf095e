// Matching is meant for whole-repository scans: many calls, each fast.
import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';

const paths = [
  '/crm/v3/objects/contacts/{}', '/crm/v3/objects/deals/search', '/contacts/v1/contact/vid/{}/profile', '/content/api/v2/pages',
  '/crm/objects/2026-03/{}', '/webhooks/v3/{}/settings', '/nothing/at/all', '/crm/v3/objects/contacts/{}/associations/deals',
  '/hubdb/api/v2/tables/{}/rows', '/cms/v3/hubdb/tables/{}/rows/{}', '/crm/v4/associations/contacts/deals/batch/read',
];

describe('matching speed', () => {
  it('answers 20,000 lookups of distinct paths quickly', () => {
    scopesFor('GET', '/crm/v3/objects/contacts'); // load and index once
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const p = paths[i % paths.length].replace('{}', String(1000 + i));
      scopesFor(i % 3 === 0 ? null : 'GET', p);
    }
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(8_000);
  });
});
