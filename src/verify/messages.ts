// One sentence for each way the check can fail, each saying what to do. Never the token, never a URL with it.
import type { HttpFailure } from './http.js';

export interface MessageContext {
  /** Host of the API base, e.g. `api.hubapi.com`. */
  host: string;
  /** Environment variable the token came from. */
  tokenEnv: string;
}

export const failureMessage = (f: HttpFailure, c: MessageContext): string => f.kind === 'timeout'
  ? `${c.host} did not answer in time (${f.detail}); check the network or --api-base and run again.`
  : `could not reach ${c.host} (${f.detail}); check the network or --api-base and run again.`;

export const rejected = (c: MessageContext): string =>
  `HubSpot rejected the token (401: invalid, expired or revoked); put the current token in $${c.tokenEnv} and run again.`;

export const notActive = (c: MessageContext): string =>
  `HubSpot says the token is not active (expired or revoked); OAuth access tokens expire, so put a fresh one in $${c.tokenEnv} and run again.`;

export const notJson = (c: MessageContext, what: string): string =>
  `${c.host} answered the ${what} with something other than HubSpot's JSON; check that --api-base is a HubSpot API host (default https://api.hubapi.com).`;

export const rateLimited = (c: MessageContext): string =>
  `${c.host} rate-limited the check (429); wait a minute and run again.`;

export const unexpected = (c: MessageContext, what: string, status: number): string =>
  status >= 500
    ? `${c.host} failed on the ${what} (HTTP ${status}); try again later.`
    : `${c.host} answered the ${what} with HTTP ${status}; check --api-base and the token in $${c.tokenEnv}.`;

export const legacyKey = (c: MessageContext): string =>
  `$${c.tokenEnv} holds a legacy API key (a UUID), not a token: API keys stopped working on 2022-11-30; create the token report.md describes and put it there.`;
