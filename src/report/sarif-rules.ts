// SARIF rules: one per pattern + status, e.g. `hapikey/query-string/auto`.
import type { ReportingDescriptor } from 'sarif';
import type { Pattern, Status } from '../model/site.js';
import { FACTS } from './facts.js';

export type SarifStatus = Exclude<Status, 'ignored'>;
export type Level = 'error' | 'warning' | 'note';

export const LEVEL: Record<SarifStatus, Level> = { auto: 'warning', manual: 'error', 'developer-key': 'note' };

const PATTERN_TEXT: Record<Pattern, string> = {
  'query-string': '`hapikey` in a URL query string',
  'params-object': '`hapikey` in a request\'s query parameters object',
  'url-search-params': '`hapikey` set through URLSearchParams',
  'shared-config': '`hapikey` in shared HTTP client configuration',
  interceptor: '`hapikey` added by a request interceptor',
  'client-option': 'API key passed to a HubSpot client library',
  other: 'HubSpot API key use',
};

const STATUS_TEXT: Record<SarifStatus, { short: string; help: string }> = {
  auto: {
    short: 'rewritable to a Bearer token',
    help: `HubSpot turned account API keys off on ${FACTS.apiKeySunset}. migrate-hapikey can rewrite this use to send \`Authorization: Bearer <token>\` (run it with \`--write\`, or apply \`changes.patch\`). Create a Service Key (${FACTS.serviceKeyMenu}) with the scopes listed in the result.`,
  },
  manual: {
    short: 'needs a manual change',
    help: `HubSpot turned account API keys off on ${FACTS.apiKeySunset}. This use could not be rewritten safely; the result message says what to change. The token must be sent as \`Authorization: Bearer <token>\`.`,
  },
  'developer-key': {
    short: 'developer API key, left alone',
    help: `A developer API key on an app-configuration endpoint is still accepted by HubSpot and was not rewritten. It belongs to a legacy public app, which goes unsupported in ${FACTS.legacyUnsupported}; project-based apps configure the same things in \`*-hsmeta.json\`.`,
  },
};

export function ruleId(pattern: Pattern, status: SarifStatus): string {
  return `hapikey/${pattern}/${status}`;
}

export function makeRule(pattern: Pattern, status: SarifStatus): ReportingDescriptor {
  const { short, help } = STATUS_TEXT[status];
  const what = PATTERN_TEXT[pattern];
  const plainWhat = what.replace(/`/g, '');
  return {
    id: ruleId(pattern, status),
    name: `${pattern}/${status}`.replace(/[-/](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: `${plainWhat}: ${short}` },
    fullDescription: { text: `${plainWhat}: ${short}.` },
    help: { text: help.replace(/`/g, ''), markdown: `${what}: ${short}.\n\n${help}` },
    defaultConfiguration: { level: LEVEL[status] },
    properties: { tags: status === 'developer-key' ? ['hubspot', 'migration'] : ['hubspot', 'migration', 'security'] },
  };
}
