// Token advice, from hubspot-2026.md §0 item 2 (Service Key for one-account server-to-server; project
// app with static auth for webhooks / app features; OAuth for several accounts) and §2.2 (app-hsmeta.json).
import { describe, expect, it } from 'vitest';
import { recommendToken } from '../../src/scopes/index.js';

const base = { requiredScopes: ['crm.objects.contacts.write', 'crm.objects.contacts.read'], developerKeySites: 0, usesWebhooksOrAppFeatures: false, multiAccount: false };

describe('recommendToken', () => {
  it('one account, server to server: a Service Key', () => {
    const t = recommendToken(base);
    expect(t.kind).toBe('service-key');
    expect(t.reason).toMatch(/Service Key/);
    expect(t.reason).toMatch(/private apps can no longer be created/);
    expect(t.appHsmeta).toBeUndefined();
  });

  it('developer-key sites or app features: a project app with static auth and its app-hsmeta.json', () => {
    for (const input of [{ ...base, developerKeySites: 2 }, { ...base, usesWebhooksOrAppFeatures: true }]) {
      const t = recommendToken(input);
      expect(t.kind).toBe('project-app');
      expect(t.reason.length).toBeGreaterThan(20);
      expect(t.appHsmeta).toEqual({
        uid: 'migrated_integration',
        type: 'app',
        config: {
          name: 'Migrated integration',
          description: expect.any(String),
          distribution: 'private',
          auth: {
            type: 'static',
            requiredScopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write'],
            optionalScopes: [],
            conditionallyRequiredScopes: [],
          },
          permittedUrls: { fetch: [], iframe: [], img: [] },
        },
      });
    }
  });

  it('names the app when asked and does not repeat oauth', () => {
    const t = recommendToken({ ...base, requiredScopes: ['oauth', 'tickets'], usesWebhooksOrAppFeatures: true, appName: 'ACME CRM sync' });
    expect(t.appHsmeta).toMatchObject({ uid: 'acme_crm_sync', config: { name: 'ACME CRM sync', auth: { requiredScopes: ['oauth', 'tickets'] } } });
  });

  it('several accounts: OAuth, even with app features', () => {
    const t = recommendToken({ ...base, multiAccount: true, developerKeySites: 1 });
    expect(t.kind).toBe('oauth');
    expect(t.reason).toMatch(/several HubSpot accounts/);
  });
});
