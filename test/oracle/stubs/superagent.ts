// superagent: superagent.get(url) / superagent(method, url), then .query / .set / .send / .type / .accept, ending in .end or a promise.
import { dummy } from '../dummy.js';
import { headersOf, str, withQuery, type Recorder } from '../record.js';

export function superagentStub(rec: Recorder): any {
  function chain(method: string, url: unknown): any {
    let u = str(url);
    const headers: Record<string, unknown> = {};
    let body: unknown;
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      rec.add({ client: 'superagent', method: method.toUpperCase(), url: u, headers: headersOf(headers), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    };
    const c: any = {
      query(q: unknown) { u = withQuery(u, q); return c; },
      set(k: unknown, v?: unknown) {
        if (k && typeof k === 'object') Object.assign(headers, k);
        else headers[str(k)] = v;
        return c;
      },
      send(b: unknown) { body = b; return c; },
      type(t: unknown) { headers['Content-Type'] = t; return c; },
      accept(t: unknown) { headers.Accept = t; return c; },
      timeout() { return c; },
      retry() { return c; },
      end(cb?: unknown) { send(); void cb; return c; },
      then(ok?: (v: unknown) => unknown, bad?: (e: unknown) => unknown) { send(); return Promise.resolve({ body: dummy('body'), status: 200 }).then(ok, bad); },
      catch(bad: (e: unknown) => unknown) { return c.then(undefined, bad); },
    };
    return c;
  }
  const sa: any = (method: unknown, url?: unknown) => (url === undefined ? chain('GET', method) : chain(str(method), url));
  for (const m of ['get', 'post', 'put', 'patch', 'delete', 'del', 'head']) sa[m] = (url: unknown) => chain(m === 'del' ? 'DELETE' : m, url);
  sa.default = sa;
  return sa;
}
