// request / request-promise: request(url|options[, options][, cb]), verbs, .defaults(options); qs, headers, baseUrl.
import { dummy } from '../dummy.js';
import { headersOf, joinBase, str, withQuery, type Recorder } from '../record.js';

type Options = Record<string, any>;

export function requestStub(rec: Recorder, name: string): any {
  function make(defaults: Options): any {
    function call(a: unknown, b?: unknown, method?: string): any {
      let o: Options = typeof a === 'string' ? { url: a } : { ...(a as Options) };
      if (b && typeof b === 'object') o = { ...o, ...(b as Options) };
      const merged: Options = { ...defaults, ...o, headers: { ...headersOf(defaults.headers), ...headersOf(o.headers) } };
      const qs = defaults.qs || o.qs ? { ...(defaults.qs ?? {}), ...(o.qs ?? {}) } : undefined;
      const url = withQuery(joinBase(merged.baseUrl, merged.url ?? merged.uri), qs);
      rec.add({ client: name, method: str(method ?? merged.method ?? 'GET').toUpperCase(), url, headers: headersOf(merged.headers),
        ...(merged.body !== undefined ? { body: typeof merged.body === 'string' ? merged.body : JSON.stringify(merged.body) } : {}),
        ...(merged.form !== undefined ? { body: JSON.stringify(merged.form) } : {}) });
      const p: any = Promise.resolve(dummy('body'));
      p.on = () => p;
      p.pipe = () => p;
      return p;
    }
    const request: any = (a: unknown, b?: unknown) => call(a, b);
    for (const m of ['get', 'post', 'put', 'patch', 'del', 'delete', 'head']) {
      request[m] = (a: unknown, b?: unknown) => call(a, b, m === 'del' ? 'DELETE' : m.toUpperCase());
    }
    request.defaults = (o: Options) => make({ ...defaults, ...o, headers: { ...headersOf(defaults.headers), ...headersOf(o.headers) } });
    request.__oracleClient = name;
    return request;
  }
  return make({});
}
