// App-configuration endpoints that keep the developer API key. Expectations written by hand from
// hubspot-facts.md §3 (table of path patterns; "/automation/v4/actions/callbacks/* is account-level";
// "GET /crm/v3/extensions/cards-dev/sample-response needs no auth").
import type { CaseGroup } from './types.js';

export const developerGroups: CaseGroup[] = [
  {
    name: 'developer API key endpoints',
    source: 'hubspot-facts.md §3 developer-key table and path gotchas; hubspot-2026.md §4',
    cases: [
      { method: 'PUT', path: '/webhooks/v3/{}/settings', developerKey: true, scopes: [], unsupported: true },
      { method: 'GET', path: '/webhooks/v3/{}/subscriptions', developerKey: true, scopes: [] },
      { method: 'POST', path: '/webhooks/v1/{}/subscriptions', developerKey: true, scopes: [] },
      { method: 'GET', path: '/app-webhooks/2026-09/{}/settings', developerKey: true, scopes: [] },
      { method: 'GET', path: '/crm/v3/timeline/{}/event-templates', developerKey: true, scopes: [] },
      { method: 'POST', path: '/integrators/timeline/v3/{}/event-templates/{}/tokens', developerKey: true, scopes: [] },
      { method: 'GET', path: '/integrations/v1/{}/timeline/event-types', developerKey: true, scopes: [] },
      { method: 'GET', path: '/crm/v3/extensions/cards-dev/{}', developerKey: true, scopes: [] },
      { method: 'POST', path: '/crm/v3/extensions/cards/{}', developerKey: true, scopes: [] },
      { method: 'GET', path: '/crm/v3/extensions/calling/{}/settings', developerKey: true, scopes: [] },
      { method: 'PUT', path: '/crm/v3/extensions/videoconferencing/settings/{}', developerKey: true, scopes: [] },
      { method: 'POST', path: '/automation/v4/actions/{}', developerKey: true, scopes: [] },
      { method: 'GET', path: '/automation/v4/actions/{}/{}/functions', developerKey: true, scopes: [] },
      { method: 'GET', path: '/marketing/v3/marketing-events/{}/settings', developerKey: true, scopes: [] },
      { method: 'POST', path: '/media-bridge/v1/12345/schemas', developerKey: true, scopes: [] },
      { method: 'POST', path: '/conversations/v3/custom-channels', developerKey: true, scopes: [] },
      { method: 'GET', path: '/feature-flags/v3/{}/flags', developerKey: true, scopes: [] },
      { method: 'GET', path: '/extensions/sales-objects/v1/object-types', developerKey: true, scopes: [] },
      { method: 'PUT', path: '/extensions/ecomm/v2/settings', developerKey: true, scopes: [] },
      // exceptions: account-level or unauthenticated
      { method: 'POST', path: '/automation/v4/actions/callbacks/complete', developerKey: false, scopes: ['automation'] },
      { method: 'POST', path: '/automation/v4/actions/callbacks/{}/complete', developerKey: false, scopes: ['automation'] },
      { method: 'GET', path: '/crm/v3/extensions/cards-dev/sample-response', developerKey: false, scopes: [] },
    ],
  },
];
