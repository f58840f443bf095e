// node http / https: get / request with a URL (string or URL), an options object, or both; headers via options or setHeader.
import { headersOf, str, type Recorder } from '../record.js';

type Options = Record<string, any>;

export function httpStub(rec: Recorder, protocol: 'http:' | 'https:'): any {
  function call(autoEnd: boolean, a: unknown, b?: unknown): any {
    let o: Options = {};
    let url: string | null = null;
    if (typeof a === 'string' || a instanceof URL) {
      url = str(a);
      if (b && typeof b === 'object') o = b as Options;
    } else o = (a as Options) ?? {};
    if (url === null) {
      const host = o.hostname ?? o.host ?? 'localhost';
      url = `${o.protocol ?? protocol}//${host}${o.port ? ':' + o.port : ''}${o.path ?? '/'}`;
    }
    const headers: Record<string, unknown> = { ...headersOf(o.headers) };
    let body = '';
    let sent = false;
    const finish = () => {
      if (sent) return;
      sent = true;
      rec.add({ client: 'node-http', method: str(o.method ?? 'GET').toUpperCase(), url: url!, headers: headersOf(headers), ...(body ? { body } : {}) });
    };
    const req: any = {
      setHeader(k: unknown, v: unknown) { headers[str(k).toLowerCase()] = v; },
      write(c: unknown) { body += str(c); return true; },
      end(c?: unknown) { if (c !== undefined && typeof c !== 'function') body += str(c); finish(); return req; },
      on() { return req; },
      once() { return req; },
      setTimeout() { return req; },
      destroy() { return req; },
      abort() { return req; },
    };
    if (autoEnd) finish();
    return req;
  }
  return { get: (a: unknown, b?: unknown) => call(true, a, b), request: (a: unknown, b?: unknown) => call(false, a, b), Agent: class {} };
}
