// Preloaded (node --require) into the CLI runs of the --verify-token e2e tests: like no-network.cjs, except that
// connections to 127.0.0.1 (the fake HubSpot the test starts) are allowed. Anything else throws.
'use strict';
const net = require('node:net');
const dns = require('node:dns');

function blocked(what) {
  const e = new Error(`e2e: network access blocked (${what})`);
  e.code = 'E2E_NO_NETWORK';
  throw e;
}
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const isPath = (first && typeof first === 'object' && typeof first.path === 'string')
    || (typeof first === 'string' && !/^\d+$/.test(first));
  const host = first && typeof first === 'object' ? first.host : args[1];
  if (isPath || host === '127.0.0.1') return originalConnect.apply(this, args);
  return blocked(`socket connect to ${host}`);
};
dns.lookup = () => blocked('dns.lookup');
dns.resolve = () => blocked('dns.resolve');
dns.promises.lookup = async () => blocked('dns.promises.lookup');
dns.promises.resolve = async () => blocked('dns.promises.resolve');
