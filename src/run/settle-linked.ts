// A manual site whose options object leaves its file becomes auto when the link stage saw every use of the object
// in the repository, each a request given the whole object (link/settled.ts): the header it gets where the key was
// goes wherever the object goes. Its edits were kept aside by the scan; the plan checks them like any other.
import type { TextEdit } from '../model/edit.js';
import type { Site } from '../model/site.js';
import { messageFor } from '../scan/messages.js';

/** The manual reasons the link stage can settle: an options object that leaves its file, options a named function returns. */
const SETTLED_REASONS = new Set(['key-escapes', 'client-options-shared']);

export function settleLinked(sites: Site[], pending: ReadonlyMap<string, TextEdit[]>, settled: ReadonlySet<string>, edits: Map<string, TextEdit[]>): void {
  for (const s of sites) {
    const e = pending.get(s.id);
    if (!e || !settled.has(s.id) || s.status !== 'manual' || !SETTLED_REASONS.has(s.reason)) continue;
    s.status = 'auto';
    s.reason = '';
    s.message = messageFor(s);
    edits.set(s.id, e);
  }
}
