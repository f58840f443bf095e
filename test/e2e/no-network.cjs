// Preloaded (node --require) into every CLI run of the e2e tests: the CLI must never reach the network.
// Any TCP/TLS connection or DNS lookup throws, so a test that triggers one fails loudly. With
// E2E_ALLOW_LOOPBACK=1 (the --verify-token tests), connections to 127.0.0.1 — the fake HubSpot the test
// starts — are allowed; anything else still throws.
'use strict';
const net = require('node:net');
const dns = require('node:dns');

const allowLoopback = process.env.E2E_ALLOW_LOOPBACK === '1';

function blocked(what) {
  const e = new Error(`e2e: network access blocked (${what})`);
  e.code = 'E2E_NO_NETWORK';
  throw e;
}
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  // local IPC (a unix socket or pipe path) is not the network
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const isPath = (first && typeof first === 'object' && typeof first.path === 'string')
    || (typeof first === 'string' && !/^\d+$/.test(first));
  const host = first && typeof first === 'object' ? first.host : args[1];
  if (isPath || (allowLoopback && host === '127.0.0.1')) return originalConnect.apply(this, args);
  return blocked(`socket connect${host ? ` to ${host}` : ''}`);
};
dns.lookup = () => blocked('dns.lookup');
dns.resolve = () => blocked('dns.resolve');
dns.promises.lookup = async () => blocked('dns.promises.lookup');
dns.promises.resolve = async () => blocked('dns.promises.resolve');
