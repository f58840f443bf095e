// Committed build output (git tracks it under build/ or dist/): not scanned as source and never rewritten, but
// a bundle that still sends the key ships it, so each of its key uses is listed: rebuild after migrating the source.
import type { ListedFile } from '../model/file.js';
import type { Site } from '../model/site.js';
import { messageFor } from '../scan/messages.js';
import { quickTest, readCandidate } from './read-candidate.js';


export async function committedBuildSites(files: ListedFile[]): Promise<Site[]> {
  const sites: Site[] = [];
  let scanText: typeof import('../scan/text/index.js').scanText | null = null;
  for (const f of files) {
    const q = quickTest(f);
    if (!('pass' in q) || !q.pass) continue;
    const r = await readCandidate(f);
    if ('skip' in r) continue;
    scanText ??= (await import('../scan/text/index.js')).scanText;
    for (const s of scanText({ ...f, treatment: 'text' }, r.text.text)) {
      if (s.status !== 'auto' && s.status !== 'manual') continue;
      const site: Site = { ...s, status: 'manual', reason: 'committed-build-output', category: 'P37_BUILD_OUTPUT' };
      site.message = messageFor(site);
      sites.push(site);
    }
  }
  return sites;
}
