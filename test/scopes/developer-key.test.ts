// isDeveloperKeyEndpoint, from hubspot-facts.md §3 (pattern table; custom channels: POST/GET only;
// callbacks are account-level; sample-response needs no auth).
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../src/model/site.js';
import { isDeveloperKeyEndpoint } from '../../src/scopes/index.js';

describe('isDeveloperKeyEndpoint', () => {
  it.each<[HttpMethod | null, string, boolean]>([
    ['PUT', 'https://api.hubapi.com/webhooks/v3/1234/settings?hapikey=x', true],
    [null, '/webhooks/v3/{}/subscriptions/{}', true],
    ['GET', '/crm/v3/timeline/{}/event-templates/{}', true],
    ['POST', '/automation/v4/actions/{}', true],
    ['POST', '/automation/v4/actions/callbacks/complete', false],
    ['POST', '/automation/v4/actions/callbacks/{}/complete', false],
    [null, '/automation/v4/actions/callbacks', false],
    ['GET', '/conversations/v3/custom-channels/', true],
    ['POST', '/conversations/v3/custom-channels', true],
    ['GET', '/conversations/v3/custom-channels/{}/channel-accounts', false],
    ['GET', '/crm/v3/extensions/cards-dev/sample-response', false],
    ['GET', '/media-bridge/v1/events/{}', false],
    ['GET', '/crm/v3/objects/contacts', false],
    ['GET', '/contacts/v1/lists', false],
  ])('%s %s → %s', (method, path, expected) => {
    expect(isDeveloperKeyEndpoint(method, path)).toBe(expected);
  });
});
