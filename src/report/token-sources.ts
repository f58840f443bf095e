// The expressions that must now hold the token: the report's list, or the sites' token sources.
import type { Report } from '../model/report.js';
import { isAccountSite, sortSites } from './select.js';

export function tokenSourcesOf(report: Report): string[] {
  if (report.tokenSources) return report.tokenSources;
  const seen = new Set<string>();
  for (const s of sortSites(report.sites)) if (isAccountSite(s) && s.token) seen.add(s.token.expression);
  return [...seen];
}
