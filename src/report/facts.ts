// HubSpot facts the reports state (../shared/reference/hubspot-2026.md §0), in one place so every
// renderer says the same thing and a date changes in one line.

export const FACTS = {
  /** Account API keys stopped working on data endpoints. */
  apiKeySunset: '2022-11-30',
  /** Legacy private apps can no longer be created: accounts created on/after this date… */
  privateAppCreationEndNewAccounts: '2026-09-28',
  /** …and all older accounts. */
  privateAppCreationEndExistingAccounts: '2026-10-26',
  /** Legacy (non-project) public and private apps, and v1–v3 APIs, go unsupported (no exact day published). */
  legacyUnsupported: 'September 2027',
  v4Unsupported: '2027-03-30',
  oauthV1TokenEndpointsOff: '2027-02-16',
  oauthTokenEndpoint: 'POST /oauth/2026-03/token',
  serviceKeyMenu: 'Settings › Integrations › Service Keys',
  serviceKeyMenuAlt: 'Development › Keys › Service keys',
  projectPlatformVersion: '2026.09',
  dbvExample: '/crm/objects/2026-09/contacts',
} as const;

export type TokenKind = 'service-key' | 'project-app' | 'oauth';

export const TOKEN_KIND_LABEL: Record<TokenKind, string> = {
  'service-key': 'a Service Key',
  'project-app': 'a project-based app (static auth, private distribution)',
  oauth: 'an OAuth app',
};
