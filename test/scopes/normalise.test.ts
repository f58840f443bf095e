import { describe, expect, it } from 'vitest';
import { normalisePath } from '../../src/scopes/index.js';

describe('normalisePath', () => {
  it.each([
    ['https://api.hubapi.com/contacts/v1/contact/vid/4301/profile?hapikey={}', '/contacts/v1/contact/vid/4301/profile'],
    ['http://api.hubapi.com/crm/v3/objects/contacts/', '/crm/v3/objects/contacts'],
    ['//api.hubapi.com/owners/v2/owners', '/owners/v2/owners'],
    ['api.hubapi.com/crm/v3/objects/contacts/', '/crm/v3/objects/contacts'],
    ['https://api.hsforms.com/submissions/v3/integration/submit/{}/{}', '/submissions/v3/integration/submit/{}/{}'],
    ['/contacts/v1/contact/vid/${id}/profile', '/contacts/v1/contact/vid/{}/profile'],
    ['/crm/v3/objects/{objectType}/search', '/crm/v3/objects/{}/search'],
    ['/crm/v3/objects/:objectType/:id', '/crm/v3/objects/{}/{}'],
    ['/crm/v3/objects/%7B%7D', '/crm/v3/objects/{}'],
    ['${BASE_URL}/contacts/v1/lists', '/contacts/v1/lists'],
    ['{}/deals/v1/deal/paged', '/deals/v1/deal/paged'],
    ['/contacts/v1/lists{}', '/contacts/v1/lists'],
    ['/contacts/v1/lists/all/contacts/all#x', '/contacts/v1/lists/all/contacts/all'],
    ['/x//y///', '/x/y'],
    ['contacts/v1/contact', '/contacts/v1/contact'],
    ['  /owners/v2/owners/  ', '/owners/v2/owners'],
    ['/', '/'],
    ['/crm/v3/objects/contacts/{}/associations/DEALS', '/crm/v3/objects/contacts/{}/associations/DEALS'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePath(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const p of ['https://api.hubapi.com/a/b/?q=1', '/crm/v3/objects/{x}', '/'] as const) {
      expect(normalisePath(normalisePath(p))).toBe(normalisePath(p));
    }
  });
});
