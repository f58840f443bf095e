// Which credential replaces the API key (late 2026). Facts: hubspot-2026.md §0 item 2, §1, §2.2.
// Legacy private apps can no longer be created (2026-09-28 new accounts / 2026-10-26 older ones), so
// the advice is a Service Key, a project-based app with static auth, or OAuth.
import type { TokenAdvice } from './types.js';

export interface TokenInput {
  requiredScopes: string[];
  /** Sites that use a developer API key (webhooks, timeline templates, cards, workflow actions, …). */
  developerKeySites: number;
  /** The code also needs webhooks, UI extensions/cards or other app features. */
  usesWebhooksOrAppFeatures: boolean;
  /** The code serves several HubSpot accounts (installs, per-portal tokens). */
  multiAccount: boolean;
  /** Name for a generated project app (default "Migrated integration"). */
  appName?: string;
}

function uidOf(name: string): string {
  const uid = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return uid || 'migrated_integration';
}

/** Body of `src/app/app-hsmeta.json` for a private, static-auth project app (platform 2025.2+). */
export function appHsmeta(requiredScopes: string[], name = 'Migrated integration'): unknown {
  const scopes = [...new Set(['oauth', ...requiredScopes])].sort((a, b) => (a === 'oauth' ? -1 : b === 'oauth' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return {
    uid: uidOf(name),
    type: 'app',
    config: {
      name,
      description: 'Migrated from a HubSpot API key (hapikey) by migrate-hapikey',
      distribution: 'private',
      auth: {
        type: 'static',
        requiredScopes: scopes,
        optionalScopes: [],
        conditionallyRequiredScopes: [],
      },
      permittedUrls: { fetch: [], iframe: [], img: [] },
    },
  };
}

export function recommendToken(input: TokenInput): TokenAdvice {
  if (input.multiAccount) {
    return {
      kind: 'oauth',
      reason:
        'The code serves several HubSpot accounts, so each account must install an app and grant it a token through OAuth; ' +
        'a static token only ever works in the one account that created it.',
    };
  }
  if (input.usesWebhooksOrAppFeatures || input.developerKeySites > 0) {
    const why =
      input.developerKeySites > 0
        ? `${input.developerKeySites} call site(s) configure app features with a developer API key (webhooks, cards, workflow actions…)`
        : 'the code also relies on webhooks or other app features';
    return {
      kind: 'project-app',
      reason:
        `Create a project-based app with static auth (private distribution): ${why}, which Service Keys cannot provide, ` +
        'and legacy private apps can no longer be created. Put the scopes below in src/app/app-hsmeta.json and use the app\'s access token as the Bearer token.',
      appHsmeta: appHsmeta(input.requiredScopes, input.appName),
    };
  }
  return {
    kind: 'service-key',
    reason:
      'The code calls HubSpot server-to-server in one account, so a Service Key (Settings › Integrations › Service Keys) with the scopes below is enough; ' +
      'legacy private apps can no longer be created, and the key is sent as the Bearer token.',
  };
}
