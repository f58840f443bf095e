// got: got(url, options), got.get/post/…, got(options), got.extend(defaults); searchParams, headers, prefixUrl.
import { dummy } from '../dummy.js';
import { headersOf, joinBase, str, withQuery, type Recorder } from '../record.js';

type Options = Record<string, any>;

export function gotStub(rec: Recorder): any {
  function make(defaults: Options): any {
    function call(a: unknown, b: Options = {}): any {
      const o: Options = typeof a === 'string' || a instanceof URL ? { ...b, url: a } : { ...(a as Options) };
      const merged: Options = { ...defaults, ...o, headers: { ...headersOf(defaults.headers), ...headersOf(o.headers) } };
      const sp = o.searchParams !== undefined || defaults.searchParams !== undefined
        ? (typeof defaults.searchParams === 'object' && typeof o.searchParams === 'object' && !(o.searchParams instanceof URLSearchParams)
          ? { ...defaults.searchParams, ...o.searchParams } : o.searchParams ?? defaults.searchParams)
        : undefined;
      const url = withQuery(joinBase(merged.prefixUrl, merged.url), sp);
      rec.add({ client: 'got', method: str(merged.method ?? 'GET').toUpperCase(), url, headers: headersOf(merged.headers),
        ...(merged.json !== undefined ? { body: JSON.stringify(merged.json) } : merged.body !== undefined ? { body: str(merged.body) } : {}) });
      const p: any = Promise.resolve({ body: dummy('body'), statusCode: 200 });
      p.json = () => Promise.resolve(dummy('json'));
      p.text = () => Promise.resolve('');
      p.buffer = () => Promise.resolve(Buffer.alloc(0));
      return p;
    }
    const got: any = (a: unknown, b?: Options) => call(a, b);
    for (const m of ['get', 'post', 'put', 'patch', 'delete', 'head']) got[m] = (a: unknown, b: Options = {}) => call(a, { ...b, method: m.toUpperCase() });
    got.extend = (o: Options) => make({ ...defaults, ...o, headers: { ...headersOf(defaults.headers), ...headersOf(o.headers) } });
    got.default = got;
    got.__oracleClient = 'got';
    return got;
  }
  return make({});
}
