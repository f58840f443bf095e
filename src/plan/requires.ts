// Edits shared by several sites that make sense only with all of them (removing a declaration they all leave
// unused): dropped when one of those sites is not in the plan (demoted, or not accepted in --interactive).
import type { SiteEdits } from '../model/edit.js';

export function pruneRequirements(sites: SiteEdits[]): SiteEdits[] {
  const ids = new Set(sites.map((s) => s.siteId));
  return sites.map((s) => {
    const edits = s.edits.filter((e) => !e.requires || e.requires.every((id) => ids.has(id)));
    return edits.length === s.edits.length ? s : { ...s, edits };
  });
}
