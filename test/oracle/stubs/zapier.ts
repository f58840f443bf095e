// Zapier: `z.request(url|options)` runs the app's `beforeRequest` middleware (from the module's exports), then is recorded.
import { dummy } from '../dummy.js';
import { headersOf, str, withQuery, type Recorder } from '../record.js';

type Req = Record<string, any>;
type Middleware = (req: Req, z: unknown, bundle: unknown) => Req | Promise<Req>;

export function zapierStub(rec: Recorder, middleware: () => Middleware[], bundle: unknown): any {
  const z: any = {
    async request(a: unknown, b?: Req) {
      let req: Req = typeof a === 'string' ? { ...(b ?? {}), url: a } : { ...(a as Req) };
      req.headers = req.headers ?? {};
      for (const mw of middleware()) req = (await mw(req, z, bundle)) ?? req;
      rec.add({ client: 'zapier', method: str(req.method ?? 'GET').toUpperCase(), url: withQuery(str(req.url), req.params), headers: headersOf(req.headers),
        ...(req.body !== undefined ? { body: typeof req.body === 'string' ? req.body : JSON.stringify(req.body) } : {}) });
      return { status: 200, data: dummy('data'), json: dummy('json'), content: '{}', throwForStatus() { /* ok */ } };
    },
    console: { log() { /* silent */ } },
    errors: { Error: class extends Error {} },
    JSON,
  };
  return z;
}

/** The request the driver sends through an app's `beforeRequest` middleware when nothing else calls z.request. */
export const ZAPIER_PROBE = { url: 'https://api.hubapi.com/crm/v3/objects/contacts', method: 'GET' };
