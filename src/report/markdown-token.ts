// report.md "Create your token": which credential, how to create it, which scopes to tick, where it goes.
import type { TokenRecommendation } from '../model/report.js';
import type { RequestInfo } from '../model/site.js';
import { FACTS, TOKEN_KIND_LABEL } from './facts.js';
import type { MdContext } from './markdown-context.js';
import { UNRESOLVED_HEADING, type Section } from './markdown-sites.js';
import { code, fence } from './md.js';
import { tokenSourcesOf } from './token-sources.js';
import { describeRequest, isAccountSite, uncertaintyReason } from './select.js';
import { gapPhrase, scopeGaps } from './unresolved.js';

export const TOKEN_HEADING = 'Create your token';

/** The app-hsmeta.json body to show: the plan's, or one built from the scopes. */
export function appHsmetaBody(token: TokenRecommendation, required: string[], uncertain: string[]): unknown {
  if (token.appHsmeta !== undefined) return token.appHsmeta;
  return {
    uid: 'hapikey_migration',
    type: 'app',
    config: {
      name: 'Migrated from hapikey',
      description: 'Replaces the legacy account API key (made by migrate-hapikey)',
      distribution: 'private',
      auth: {
        type: token.kind === 'oauth' ? 'oauth' : 'static',
        requiredScopes: ['oauth', ...required],
        optionalScopes: [...uncertain],
        conditionallyRequiredScopes: [],
      },
      permittedUrls: { fetch: [], iframe: [], img: [] },
    },
  };
}

function howToCreate(ctx: MdContext, token: TokenRecommendation): string[] {
  const { required, uncertain } = ctx.report.scopes;
  switch (token.kind) {
    case 'service-key':
      return [
        `1. In HubSpot open **${FACTS.serviceKeyMenu}** (also under *${FACTS.serviceKeyMenuAlt}*) and choose **Create service key**. You need to be a super admin or have *Developer tools access*; a key can only get scopes you have yourself.`,
        '2. Name it, choose **Add new scope** and tick every scope listed below, then **Create**.',
        '3. Open the key, choose **Show**, and copy it to the places listed under "Where the token goes".',
        '',
        'Service Keys (public beta) authenticate REST calls only: no webhooks, no UI extensions. If you need those, use a project-based app instead.',
      ];
    case 'project-app':
    case 'oauth': {
      const lines = token.kind === 'oauth'
        ? [
            `1. Create a HubSpot project (HubSpot CLI: \`hs project create\`, \`platformVersion\` ${code(FACTS.projectPlatformVersion)} in \`hsproject.json\`) and save this as \`src/app/app-hsmeta.json\` (\`auth.type\` ${code('oauth')}, add your \`redirectUrls\`).`,
            `2. Run \`hs project upload\`, install the app in each account, and exchange codes and refresh tokens at ${code(FACTS.oauthTokenEndpoint)} (the v1 token endpoints are switched off on ${FACTS.oauthV1TokenEndpointsOff}).`,
          ]
        : [
            `1. Create a HubSpot project (HubSpot CLI: \`hs project create\`, \`platformVersion\` ${code(FACTS.projectPlatformVersion)} in \`hsproject.json\`) and save this as \`src/app/app-hsmeta.json\`:`,
          ];
      lines.push('', fence(`${JSON.stringify(appHsmetaBody(token, required, uncertain), null, 2)}\n`, 'json'));
      if (token.kind === 'project-app') {
        lines.push(
          '',
          '2. Run `hs project upload` and let it deploy, then open the app in *Development › Projects* and copy its static access token from the **Auth** tab to the places listed under "Where the token goes".',
        );
      }
      return lines;
    }
  }
}

function uncertainLine(ctx: MdContext, scope: string): string {
  const requests: RequestInfo[] = [];
  for (const site of ctx.sites) {
    if (!isAccountSite(site)) continue;
    for (const r of site.requests) if (r.scopesUncertain?.includes(scope)) requests.push(r);
  }
  if (requests.length === 0) return `- [ ] ${scope}: needed only if a call whose target could not be determined turns out to need it.`;
  const where = requests.map((r) => {
    const what = describeRequest(r);
    return `${ctx.link(r.file, r.line)}${what ? ` (${code(what)})` : ''}`;
  });
  const why = [...new Set(requests.map(uncertaintyReason))].join('; ');
  return `- [ ] ${scope}: needed only if ${where.join(', ')} turns out to need it (${why}).`;
}


export function tokenSection(ctx: MdContext): Section | null {
  if (!ctx.sites.some(isAccountSite)) return null;
  const token: TokenRecommendation = ctx.report.token ?? { kind: 'service-key', reason: 'Server-side calls within one account.' };
  const { required, uncertain } = ctx.report.scopes;
  const out: string[] = [];
  out.push(
    `Account API keys stopped working on ${FACTS.apiKeySunset}: every call below fails until it sends \`Authorization: Bearer <token>\`.`,
    '',
    `**Recommended: ${TOKEN_KIND_LABEL[token.kind]}.** ${ctx.text(token.reason)}`,
    '',
    ...howToCreate(ctx, token),
    '',
    `> Legacy private apps can no longer be created (since ${FACTS.privateAppCreationEndNewAccounts} for new accounts, ${FACTS.privateAppCreationEndExistingAccounts} for existing ones), and existing ones go unsupported in ${FACTS.legacyUnsupported}: do not create one. Service Keys, project apps and OAuth apps all use the same scope names.`,
    '',
  );
  const gaps = scopeGaps(ctx.sites);
  if (gaps.total === 0 && required.length === 0 && uncertain.length > 0) out.push('### Scopes to tick (none certain)', '');
  else if (gaps.total === 0) out.push(`### Scopes to tick (${required.length})`, '');
  else if (required.length === 0) out.push('### Scopes to tick (not known yet)', '');
  else out.push(`### Scopes to tick (${required.length} known, ${gaps.total} unresolved)`, '');
  if (required.length === 0 && gaps.total > 0) out.push(`No scope could be determined yet: there ${gaps.total === 1 ? 'is' : 'are'} ${gapPhrase(gaps)}. Check each one under "${UNRESOLVED_HEADING}" below and tick the scopes it needs.`);
  else if (required.length === 0 && uncertain.length > 0) out.push('No scope is certain: which ones the calls need depends on arguments known only at run time. Tick those of "Scopes that may be needed" (below) that apply.');
  else if (required.length === 0) out.push('No scope could be determined from the code: see the call sites and manual follow-ups below.');
  else for (const scope of required) out.push(`- [ ] ${scope}`);
  if (required.length > 0 && gaps.total > 0) out.push('', `These are the scopes of the calls we could resolve. There ${gaps.total === 1 ? 'is' : 'are'} also ${gapPhrase(gaps)}: their scopes come on top (see "${UNRESOLVED_HEADING}" below).`);
  if (uncertain.length > 0) {
    out.push('', `### Scopes that may be needed (${uncertain.length})`, '');
    for (const scope of uncertain) out.push(uncertainLine(ctx, scope));
  }
  const sources = tokenSourcesOf(ctx.report);
  if (sources.length > 0) {
    out.push('', '### Where the token goes', '', 'Put the token in these; the rewritten code reads it from there:', '');
    for (const s of sources) out.push(`- ${code(s)}`);
  }
  return { heading: TOKEN_HEADING, body: out.join('\n') };
}
