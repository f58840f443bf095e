// Which options objects the link stage saw every use of. An options object that holds the key and leaves its file
// (returned by an exported factory, exported itself, passed to another file's function) keeps the header it gets
// wherever it goes: its rewrite is safe when every use the repository makes of it is a request given the whole
// object as its options (and so its headers), to HubSpot with an account key, or a use of a property the rewrite
// does not touch (`console.log(options.body)`). Anything else (a use the analysis loses, an export nobody in the
// repository imports, a spread, a read of its query or headers, another host, a developer-key endpoint, an endpoint
// that takes no credential, the budget running out) leaves the site open.
import type { HostedRequest } from '../scan/client-calls.js';
import type { RequestCall } from '../scan/clients.js';
import type { Use } from '../scan/flow.js';
import { untouchedByRewrite } from '../scan/options-uses.js';
import type { ReceiverUses } from '../scan/receivers.js';
import { isOtherHost, isUnauthenticatedEndpoint } from '../scan/url.js';
import { isDeveloperKeyEndpoint } from '../scopes/developer-key.js';

export class Settlement {
  private readonly open = new Set<string>();
  private readonly reached = new Map<string, number>();

  /** A use the analysis cannot account for. */
  lose(siteId: string): void {
    this.open.add(siteId);
  }

  /** A use of the object that is no request: harmless only when the rewrite does not change what it sees (`options.body`). */
  unknown(siteId: string, u: Use): void {
    if (!untouchedByRewrite(u)) this.open.add(siteId);
  }

  /** What following the value found in one file: lost uses and calls made on the object itself leave it open. */
  uses(siteId: string, uses: ReceiverUses): void {
    if (uses.lost.length || uses.calls.length) this.open.add(siteId);
  }

  /** A request the object is given to, as evaluated (`info`). */
  request(siteId: string, req: RequestCall, info: HostedRequest): void {
    const other = info.host !== undefined && isOtherHost(info.host ?? null);
    const devKey = info.path !== null && isDeveloperKeyEndpoint(info.method, info.path);
    if (req.headers !== 'options' || other || devKey || isUnauthenticatedEndpoint(info.host, info.path)) this.open.add(siteId);
    this.reached.set(siteId, (this.reached.get(siteId) ?? 0) + 1);
  }

  /** Sites whose every use was a request given the whole object (at least one); none when the budget ran out. */
  settled(truncated: boolean): Set<string> {
    if (truncated) return new Set();
    return new Set([...this.reached.keys()].filter((id) => !this.open.has(id)));
  }
}
