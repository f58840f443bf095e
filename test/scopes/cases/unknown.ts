// Object-type paths resolved from an explicit type, unknown methods, unknown paths and URL noise.
// Expectations written by hand: object types from hubspot-facts.md §2.2; the rules for unknown
// methods / unknown paths under a known family / unmatched paths from the issue (#3, item 2).
import type { CaseGroup } from './types.js';

const CR = 'crm.objects.contacts.read';
const CW = 'crm.objects.contacts.write';

export const unknownGroups: CaseGroup[] = [
  {
    name: 'object type given by the caller',
    source: 'hubspot-facts.md §2.2 object type → scopes table (products: crm.objects.products.read | e-commerce; emails/notes: contacts scopes; custom: crm.objects.custom.*) and HubSpot object type IDs (0-1 contacts, 0-2 companies, 0-5 tickets)',
    cases: [
      { method: 'GET', path: '/crm/v3/objects/{}', objectType: 'products', scopes: ['crm.objects.products.read'] },
      { method: 'POST', path: '/crm/v3/objects/{objectType}/search', objectType: 'deals', scopes: ['crm.objects.deals.read'] },
      { method: 'POST', path: '/crm/v3/objects/{}/batch/create', objectType: 'notes', scopes: [CW] },
      { method: 'GET', path: '/crm/v3/objects/{}/{}', objectType: 'emails', scopes: [CR] },
      { method: 'PATCH', path: '/crm/v3/objects/{}/{}', objectType: '2-998877', scopes: ['crm.objects.custom.write'] },
      { method: 'GET', path: '/crm/v3/objects/{}', objectType: '0-1', scopes: [CR] },
      { method: 'GET', path: '/crm/v3/objects/0-2', scopes: ['crm.objects.companies.read'] },
      { method: 'GET', path: '/crm/v3/objects/0-5/{}', scopes: ['tickets'] },
      { method: 'GET', path: '/crm/v3/objects/{}', objectType: 'deal', scopes: ['crm.objects.deals.read'] },
      { method: 'GET', path: '/crm/v3/properties/{}', objectType: 'companies', scopes: ['crm.schemas.companies.read'] },
      { method: 'GET', path: '/properties/v2/{}/properties', objectType: 'deals', scopes: ['crm.schemas.deals.read'] },
      { method: 'GET', path: '/crm/v3/objects/{}', scopes: [], matched: 'operation' },
    ],
  },
  {
    name: 'unknown method: read scopes required, write scopes uncertain',
    source: 'issue #3 item 2 ("an unknown method (null) gives read and write, the write ones as uncertain"); scopes from hubspot-facts.md §2.1/§2.3',
    cases: [
      { method: null, path: '/crm/v3/objects/contacts', scopes: [CR], uncertain: [CW] },
      { method: null, path: '/contacts/v1/contact/vid/{}/profile', scopes: [CR], uncertain: [CW] },
      { method: null, path: '/content/api/v2/pages', scopes: ['content'], uncertain: [] },
      { method: null, path: '/crm/v3/objects/deals/{}', scopes: ['crm.objects.deals.read'], uncertain: ['crm.objects.deals.write'] },
      { method: null, path: '/crm/v3/objects/contacts/search', scopes: [CR], uncertain: [] },
      { method: null, path: '/owners/v2/owners', scopes: ['crm.objects.owners.read'], uncertain: [] },
    ],
  },
  {
    name: 'unknown path under a known API family; nothing matches',
    source: 'issue #3 item 2 ("an unknown path under a known API family gives that family\'s scopes as uncertain; a path nothing matches says so"); family scopes from hubspot-facts.md §2.1/§2.3',
    cases: [
      { method: 'GET', path: '/crm/v3/objects/contacts/foo/bar', scopes: [], uncertain: [CR], matched: 'family' },
      { method: 'GET', path: '/contacts/v1/secondary-email/{}/email/{}', scopes: [], uncertain: [CR], matched: 'family' },
      { method: 'PUT', path: '/crm/v3/objects/contacts/{}', scopes: [], uncertain: [CW], matched: 'family' },
      { method: 'GET', path: '/files/v3/unknown-endpoint', scopes: [], uncertainIncludes: ['files.read'], matched: 'family' },
      { method: 'GET', path: '/nothing/here', scopes: [], uncertain: [], matched: 'none' },
      { method: 'GET', path: '/crm/v3', scopes: [], matched: 'none' },
      { method: 'GET', path: null, scopes: [], matched: 'none' },
      { method: 'GET', path: '/reports/v2/reports/{}', scopes: [], matched: 'legacy-rule' },
    ],
  },
  {
    name: 'hosts, queries, trailing slashes and literal ids',
    source: 'issue #3 item 2 (placeholders may arrive as literal values; trailing slashes; the tool normalises); scopes from hubspot-facts.md §2.1/§2.3',
    cases: [
      { method: 'GET', path: 'https://api.hubapi.com/crm/v3/owners/?limit=10', scopes: ['crm.objects.owners.read'] },
      { method: 'GET', path: 'api.hubapi.com/contacts/v1/contact/vid/4301/profile?hapikey=abc', scopes: [CR] },
      { method: 'POST', path: 'https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/jane@example.com/?hapikey=x', scopes: [CW] },
      { method: 'GET', path: '/crm/v3/objects/contacts/12345/', scopes: [CR] },
      { method: 'PATCH', path: '/crm/v3/objects/deals/987', scopes: ['crm.objects.deals.write'] },
      { method: 'GET', path: '${HUBSPOT_BASE}/owners/v2/owners', scopes: ['crm.objects.owners.read'] },
      { method: 'DELETE', path: '/hubdb/api/v2/tables/123/rows/456', scopes: ['hubdb'] },
    ],
  },
];
