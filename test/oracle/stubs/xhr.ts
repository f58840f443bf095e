// XMLHttpRequest: open(method, url) … setRequestHeader(name, value) … send(body) records the request.
import { headersOf, str, type Recorder } from '../record.js';

export function xhrStub(rec: Recorder): any {
  return class XMLHttpRequest {
    private m = 'GET';
    private u = '';
    private h: Record<string, unknown> = {};
    responseText = '{}';
    status = 200;
    readyState = 0;
    open(method: unknown, url: unknown) { this.m = str(method).toUpperCase(); this.u = str(url); this.readyState = 1; }
    setRequestHeader(k: unknown, v: unknown) { this.h[str(k).toLowerCase()] = v; }
    send(body?: unknown) {
      rec.add({ client: 'xhr', method: this.m, url: this.u, headers: headersOf(this.h), ...(body !== undefined && body !== null ? { body: str(body) } : {}) });
    }
    addEventListener() { /* no events are fired */ }
    abort() { /* nothing */ }
  };
}
