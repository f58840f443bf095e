// needle: needle.get/head/delete(url, options?, cb?), needle.post/put/patch(url, data, options?, cb?),
// needle(method, url, data?, options?), needle.request(method, url, data, options, cb); headers in options.headers.
import { dummy } from '../dummy.js';
import { headersOf, str, type Recorder } from '../record.js';

type Options = Record<string, any>;

export function needleStub(rec: Recorder): any {
  function send(method: string, url: unknown, data: unknown, options: unknown): any {
    const o: Options = options && typeof options === 'object' ? options as Options : {};
    rec.add({ client: 'needle', method: method.toUpperCase(), url: str(url), headers: headersOf(o.headers), ...(data !== undefined && data !== null && typeof data !== 'function' ? { body: JSON.stringify(data) } : {}) });
    return Promise.resolve({ body: dummy('body'), statusCode: 200 });
  }
  const needle: any = (method: unknown, url: unknown, data?: unknown, options?: unknown) => send(str(method), url, data, options);
  for (const m of ['get', 'head', 'delete']) needle[m] = (url: unknown, options?: unknown) => send(m, url, undefined, typeof options === 'function' ? undefined : options);
  for (const m of ['post', 'put', 'patch']) needle[m] = (url: unknown, data: unknown, options?: unknown) => send(m, url, data, typeof options === 'function' ? undefined : options);
  needle.request = (method: unknown, url: unknown, data: unknown, options?: unknown) => send(str(method), url, data, typeof options === 'function' ? undefined : options);
  needle.default = needle;
  return needle;
}
