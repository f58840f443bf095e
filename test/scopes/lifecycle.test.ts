// Lifecycle expectations written by hand from hubspot-2026.md §0 items 3–4 and the §3.2 mapping table.
import { describe, expect, it } from 'vitest';
import type { HttpMethod, Lifecycle } from '../../src/model/site.js';
import { lifecycleFor, scopesFor } from '../../src/scopes/index.js';

const TODAY = '2026-11-29';

type Case = [HttpMethod | null, string, Lifecycle['status'], string | null, string | null];

// [method, path, status, date, replacement]
const cases: Case[] = [
  // Contact Lists v1: 404 since 2026-04-30; three reads survive without memberships (§0 item 4, §3.2)
  ['GET', '/contacts/v1/lists', 'removed', '2026-04-30', '/crm/lists/2026-09'],
  ['GET', '/contacts/v1/lists/{}', 'removed', '2026-04-30', '/crm/lists/2026-09/{}'],
  ['GET', '/contacts/v1/lists/{}/contacts/all', 'removed', '2026-04-30', '/crm/lists/2026-09/{}/memberships'],
  ['POST', '/contacts/v1/lists/{}/add', 'removed', '2026-04-30', '/crm/lists/2026-09/{}/memberships/add'],
  ['GET', '/contacts/v1/lists/all/contacts/all', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts'],
  ['GET', '/contacts/v1/lists/recently_updated/contacts/recent', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts'],
  // Contacts v1 (§3.2)
  ['GET', '/contacts/v1/contact/vid/{}/profile', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts/{}'],
  ['GET', '/contacts/v1/contact/email/{}/profile', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts/{}?idProperty=email'],
  ['POST', '/contacts/v1/contact', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts'],
  ['POST', '/contacts/v1/contact/createOrUpdate/email/{}', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts/batch/upsert'],
  ['GET', '/contacts/v1/search/query', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts/search'],
  // Companies v2, Deals v1, Owners v2, Properties (§3.2)
  ['GET', '/companies/v2/companies/{}', 'unsupported-from', '2027-09', '/crm/objects/2026-09/companies/{}'],
  ['GET', '/deals/v1/deal/{}', 'unsupported-from', '2027-09', '/crm/objects/2026-09/deals/{}'],
  ['GET', '/owners/v2/owners', 'unsupported-from', '2027-09', '/crm/owners/2026-09'],
  ['GET', '/properties/v1/contacts/properties', 'unsupported-from', '2027-09', '/crm/properties/2026-09/contacts'],
  ['GET', '/properties/v1/contacts/groups', 'unsupported-from', '2027-09', '/crm/properties/2026-09/contacts/groups'],
  // Pipelines v1 stops 2026-12-04 (§0 item 4) — still ahead on 2026-11-29
  ['GET', '/crm-pipelines/v1/pipelines/deals', 'unsupported-from', '2026-12-04', '/crm/pipelines/2026-09/deals'],
  // CRM v3/v4 (§0 item 3, §3.2)
  ['GET', '/crm/v3/objects/contacts/{}', 'unsupported-from', '2027-09', '/crm/objects/2026-09/contacts/{}'],
  ['POST', '/crm/v3/objects/deals/search', 'unsupported-from', '2027-09', '/crm/objects/2026-09/deals/search'],
  ['POST', '/crm/v4/associations/contacts/deals/batch/read', 'unsupported-from', '2027-03-30', '/crm/associations/2026-09/contacts/deals/batch/read'],
  ['GET', '/crm/v3/owners', 'unsupported-from', '2027-09', '/crm/owners/2026-09'],
  ['GET', '/crm/v3/schemas', 'unsupported-from', '2027-09', '/crm-object-schemas/2026-09/schemas'],
  // HubDB v2 gone 2024-12-16 (§0 item 4)
  ['POST', '/hubdb/api/v2/tables/{}/rows', 'removed', '2024-12-16', '/cms/hubdb/2026-03/tables/{}/rows'],
  ['PUT', '/hubdb/api/v2/tables/{}/publish', 'removed', '2024-12-16', '/cms/hubdb/2026-03/tables/{}/draft/publish'],
  // Marketing Email v1 sunset 2025-11-01; Forms v1 gone 2019-03-29 (§0 item 4)
  ['GET', '/marketing-emails/v1/emails', 'removed', '2025-11-01', '/marketing/emails/2026-09'],
  ['GET', '/forms/v1/forms', 'removed', '2019-03-29', null],
  ['GET', '/forms/v2/forms', 'unsupported-from', '2027-09', null],
  // Legacy CRM cards 2026-10-31; OAuth v1 2027-02-16 (§0 item 4)
  ['GET', '/crm/v3/extensions/cards-dev/{}', 'removed', '2026-10-31', '/crm/extensions/cards-dev/2026-09/{}'],
  ['POST', '/oauth/v1/token', 'unsupported-from', '2027-02-16', '/oauth/2026-03/token'],
  ['GET', '/oauth/v1/access-tokens/{}', 'unsupported-from', '2027-02-16', '/oauth/2026-03/token/introspect'],
  ['DELETE', '/oauth/v1/refresh-tokens/{}', 'unsupported-from', '2027-02-16', '/oauth/2026-03/token/revoke'],
  // Other removed APIs (§3.2 "Other already-removed APIs")
  ['POST', '/extensions/ecomm/v2/sync/messages', 'removed', '2023-02-28', null],
  ['GET', '/crm/v3/extensions/accounting/invoice/{}', 'removed', '2023-02-28', null],
  ['GET', '/calendar/v1/events', 'removed', '2023-08-31', null],
  ['GET', '/cms/v3/performance', 'removed', '2024-04-09', null],
  // CMS, files, email, workflows, webhooks, actions (§3.2)
  ['GET', '/content/api/v2/blog-posts', 'unsupported-from', '2027-09', '/cms/blogs/2026-09/posts'],
  ['GET', '/content/api/v2/pages', 'unsupported-from', '2027-09', '/cms/pages/2026-03/site-pages'],
  ['GET', '/filemanager/api/v2/files', 'unsupported-from', '2027-09', '/files/2026-09/files'],
  ['GET', '/files/v3/files/stat/{}', 'unsupported-from', '2027-09', null],
  ['GET', '/email/public/v1/subscriptions/{}', 'unsupported-from', '2027-09', '/communication-preferences/2026-09/status/email/{}'],
  ['GET', '/email/public/v1/events', 'unsupported-from', '2027-09', null],
  ['POST', '/marketing/v3/transactional/single-email/send', 'unsupported-from', '2027-09', '/marketing/transactional/2026-09/single-email/send'],
  ['GET', '/automation/v3/workflows', 'unsupported-from', '2027-09', null],
  ['GET', '/automation/v4/flows', 'unsupported-from', '2027-03-30', null],
  ['POST', '/automation/v4/actions/callbacks/complete', 'unsupported-from', '2027-03-30', '/automation/actions/callbacks/2026-09/complete'],
  ['POST', '/automation/v4/actions/{}', 'unsupported-from', '2027-03-30', '/automation/actions/2026-09/{}'],
  ['PUT', '/webhooks/v3/{}/settings', 'unsupported-from', '2027-09', '/app-webhooks/2026-09/{}/settings'],
  ['GET', '/settings/v3/users', 'unsupported-from', '2027-09', '/settings/users/2026-03'],
  ['GET', '/integrations/v1/me', 'unsupported-from', '2027-09', '/account-info/2026-09/details'],
  // generic: any other v4 / v1–v3 path
  ['GET', '/conversations/v3/conversations/threads', 'unsupported-from', '2027-09', null],
  ['GET', '/communication-preferences/v4/statuses/{}', 'unsupported-from', '2027-03-30', null],
];

describe('lifecycleFor', () => {
  it.each(cases)('%s %s → %s %s', (method, path, status, date, replacement) => {
    expect(lifecycleFor(method, path, TODAY)).toEqual(expect.objectContaining({ status, date, replacement }));
  });

  it('date-based paths are supported', () => {
    expect(lifecycleFor('GET', '/crm/objects/2026-09/contacts', TODAY)).toEqual({ status: 'supported', date: null, replacement: null });
    expect(lifecycleFor('GET', '/crm/lists/2026-09-beta/all', TODAY)).toEqual({ status: 'supported', date: null, replacement: null, note: 'beta version' });
  });

  it('unknown paths and no path give null', () => {
    expect(lifecycleFor('GET', '/something/else', TODAY)).toBeNull();
    expect(lifecycleFor('GET', null, TODAY)).toBeNull();
  });

  it('a date becomes removed once past', () => {
    expect(lifecycleFor('GET', '/crm-pipelines/v1/pipelines/deals', '2026-12-04')?.status).toBe('removed');
    expect(lifecycleFor('GET', '/crm/v3/objects/contacts', '2027-09-15')?.status).toBe('unsupported-from');
    expect(lifecycleFor('GET', '/crm/v3/objects/contacts', '2027-10-01')?.status).toBe('removed');
    expect(lifecycleFor('GET', '/crm/v4/associations/a/b/batch/read', '2027-03-30')?.status).toBe('removed');
  });

  it('notes the surviving Contact Lists v1 reads and the removed ones', () => {
    expect(lifecycleFor('GET', '/contacts/v1/lists/all/contacts/all', TODAY)?.note).toMatch(/memberships/);
    expect(lifecycleFor('GET', '/contacts/v1/lists/{}/contacts/all', TODAY)?.note).toMatch(/404/);
  });

  it('uses the real date when none is given', () => {
    expect(lifecycleFor('GET', '/hubdb/api/v2/tables')?.status).toBe('removed');
  });

  // HubSpot's spec snapshot (2026-08-21) predates 2026-09 GA for some APIs; these replacements are
  // confirmed by the live canary in hubspot-2026.md §3.2 (verified "K") instead.
  const confirmedOutsideSpec = [/^\/files\/2026-09\/(files|folders)(\/\{\})?$/];

  it('every replacement path is a known date-based operation', () => {
    for (const [method, path] of cases) {
      const l = lifecycleFor(method, path, TODAY);
      if (!l?.replacement) continue;
      const target = l.replacement.replace(/\?.*$/, '');
      if (confirmedOutsideSpec.some((re) => re.test(target))) continue;
      const m = scopesFor(null, target, 'contacts');
      expect(m.matched, `${path} → ${target}`).toBe('operation');
      expect(lifecycleFor(null, target, TODAY)?.status).toBe('supported');
    }
  });
});
