// Date-based (2025-09 / 2026-03 / 2026-09 / -beta) paths. Expectations written by hand from
// hubspot-2026.md §3.2 (scopes column: any-of, first entry recommended) and the spec facts in
// hubspot-catalog.json for the dated operations.
import type { CaseGroup } from './types.js';

const CR = 'crm.objects.contacts.read';

export const datedGroups: CaseGroup[] = [
  {
    name: 'CRM objects, lists, owners, properties, pipelines (dated)',
    source: 'hubspot-2026.md §3.2 rows Contacts v1 → /crm/objects/2026-09/contacts (crm.objects.contacts.read/.write), Contact Lists → /crm/lists/2026-09 (crm.lists.*; memberships need read+write per hubspot-facts.md §2.1), Owners → /crm/owners/2026-09, Properties → /crm/properties/2026-09/{objectType}, Pipelines → /crm/pipelines/2026-09, associations (object scopes of both sides)',
    cases: [
      { method: 'GET', path: '/crm/objects/2026-03/contacts', scopes: [CR], matched: 'operation' },
      { method: 'POST', path: '/crm/objects/2026-09/contacts/search', scopes: [CR] },
      { method: 'PATCH', path: '/crm/objects/2026-09/deals/{}', scopes: ['crm.objects.deals.write'] },
      { method: 'POST', path: '/crm/objects/2026-03/0-3/batch/read', scopes: ['crm.objects.deals.read'] },
      { method: 'GET', path: '/crm/objects/2026-03/{objectType}', objectType: 'companies', scopes: ['crm.objects.companies.read'] },
      { method: 'GET', path: '/crm/objects/2026-09/{}', objectType: 'tickets', scopes: ['tickets'] },
      { method: 'GET', path: '/crm/objects/2026-09-beta/calls', scopes: [CR] },
      { method: 'GET', path: '/crm/objects/2026-09/contacts/{}/associations/deals', scopes: [CR, 'crm.objects.deals.read'] },
      { method: 'GET', path: '/crm/lists/2026-09/{}', scopes: ['crm.lists.read'] },
      { method: 'PUT', path: '/crm/lists/2026-09/{}/memberships/add', scopes: ['crm.lists.read', 'crm.lists.write'] },
      { method: 'GET', path: '/crm/owners/2026-09', scopes: ['crm.objects.owners.read'] },
      { method: 'GET', path: '/crm/properties/2026-09/contacts', scopes: ['crm.schemas.contacts.read'] },
      { method: 'GET', path: '/crm/pipelines/2026-09/deals', scopes: ['crm.objects.deals.read'] },
      { method: 'GET', path: '/crm-object-schemas/2026-09/schemas', scopes: ['crm.schemas.custom.read'] },
      { method: 'POST', path: '/crm/imports/2026-09', scopes: ['crm.import'] },
    ],
  },
  {
    name: 'CMS, files, marketing, settings, account, OAuth (dated)',
    source: 'hubspot-2026.md §3.2 rows HubDB → /cms/hubdb/2026-03 (hubdb.tables.*/hubdb.rows.* or legacy hubdb), CMS blog → /cms/blogs/2026-09 (content), CMS pages → /cms/pages/2026-03 (content.site_pages.*), Files → /files/2026-* (files.read/…), Marketing email → /marketing/emails/2026-09 (content), Transactional, Communication preferences (communication_preferences.read/.write), Settings users (settings.users.read), Account info (oauth), OAuth (no scope)',
    cases: [
      { method: 'GET', path: '/cms/hubdb/2026-03/tables', scopes: ['hubdb.tables.read'] },
      { method: 'POST', path: '/cms/hubdb/2026-03/tables/{}/rows', scopes: ['hubdb.rows.write'] },
      { method: 'GET', path: '/cms/blogs/2026-09/posts', scopes: ['content'] },
      { method: 'GET', path: '/cms/pages/2026-03/site-pages', scopes: ['content.site_pages.read'] },
      { method: 'GET', path: '/files/2026-03/files/{}', scopes: ['files.read'] },
      { method: 'GET', path: '/marketing/emails/2026-09', scopes: ['content'] },
      { method: 'POST', path: '/marketing/transactional/2026-09/single-email/send', scopes: ['transactional-email'] },
      { method: 'GET', path: '/communication-preferences/2026-09/definitions', scopes: ['communication_preferences.read'] },
      { method: 'GET', path: '/settings/users/2026-03', scopes: ['settings.users.read'] },
      { method: 'GET', path: '/account-info/2026-09/details', scopes: ['oauth'] },
      { method: 'POST', path: '/oauth/2026-03/token', scopes: [], matched: 'operation' },
    ],
  },
];
