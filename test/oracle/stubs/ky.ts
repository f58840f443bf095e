// ky: ky(url, options), ky.get/post/put/patch/delete/head(url, options); searchParams, headers, prefixUrl; .json().
import { dummy } from '../dummy.js';
import { headersOf, joinBase, str, withQuery, type Recorder } from '../record.js';

type Options = Record<string, any>;

export function kyStub(rec: Recorder): any {
  function call(url: unknown, o: Options = {}): any {
    rec.add({ client: 'ky', method: str(o.method ?? 'GET').toUpperCase(), url: withQuery(joinBase(o.prefixUrl, str(url)), o.searchParams), headers: headersOf(o.headers),
      ...(o.json !== undefined ? { body: JSON.stringify(o.json) } : o.body !== undefined ? { body: str(o.body) } : {}) });
    const p: any = Promise.resolve({ status: 200 });
    p.json = () => Promise.resolve(dummy('json'));
    p.text = () => Promise.resolve('');
    return p;
  }
  const ky: any = (url: unknown, o?: Options) => call(url, o);
  for (const m of ['get', 'post', 'put', 'patch', 'delete', 'head']) ky[m] = (url: unknown, o: Options = {}) => call(url, { ...o, method: m.toUpperCase() });
  ky.default = ky;
  return ky;
}
