// The only code of the tool that talks to the network: one request at a time with Node's built-in fetch, a short
// fixed timeout per request and a budget for the whole check, no retries. Errors never carry the URL (the OAuth v1
// endpoint has the token in its path) nor the request.

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path and query, appended to the API base. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export type Http = (req: HttpRequest) => Promise<HttpResponse>;

export class HttpFailure extends Error {
  constructor(readonly kind: 'timeout' | 'network', readonly detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'HttpFailure';
  }
}

export interface HttpOptions {
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** For the whole check (default 30 s): once spent, every further request fails as a timeout. */
  budgetMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_BUDGET_MS = 30_000;
/** Larger answers are cut (nothing HubSpot answers here is near this). */
const MAX_BODY = 1_000_000;

/** `ECONNREFUSED`, `ENOTFOUND`, `bad port`…: the cause's code or message, never the URL. */
function causeCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown; errors?: Array<{ code?: unknown }> } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const inner = cause?.errors?.find((x) => typeof x?.code === 'string');
  if (inner) return String(inner.code);
  if (cause && typeof cause.message === 'string' && cause.message.length < 60 && !cause.message.includes('/')) return cause.message;
  return 'connection failed';
}

export function createHttp(apiBase: string, opts: HttpOptions = {}): Http {
  const base = apiBase.replace(/\/+$/, '');
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  return async (req) => {
    const left = Math.min(timeout, deadline - Date.now());
    if (left <= 0) throw new HttpFailure('timeout', 'time budget spent');
    const signal = AbortSignal.timeout(left);
    let text: string;
    let status: number;
    try {
      const res = await fetch(base + req.path, {
        method: req.method,
        headers: { accept: 'application/json', 'user-agent': 'migrate-hapikey (token check)', ...req.headers },
        body: req.body,
        signal,
        redirect: 'error',
      });
      status = res.status;
      text = (await res.text()).slice(0, MAX_BODY);
    } catch (e) {
      if (signal.aborted) throw new HttpFailure('timeout', `no answer within ${Math.round(left / 100) / 10} s`);
      throw new HttpFailure('network', causeCode(e));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status, json };
  };
}
