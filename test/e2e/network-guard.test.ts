// The preload every e2e CLI run gets: it must block the network, and with E2E_ALLOW_LOOPBACK=1 let only 127.0.0.1 through.
import { execFile } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_NETWORK } from './helpers.js';

let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Connect to host:port under the guard; prints 'connected' or the error code. */
function attempt(host: string, allowLoopback: boolean): Promise<string> {
  const script = `const s = require('node:net').connect(${port}, ${JSON.stringify(host)}, () => { console.log('connected'); s.end(); });
s.on('error', (e) => console.log(e.code));`;
  const env = { ...process.env, E2E_ALLOW_LOOPBACK: allowLoopback ? '1' : '' };
  // asynchronous: the server above runs in this process
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', NO_NETWORK, '-e', script], { env, encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) => {
      resolve(/E2E_NO_NETWORK/.test(stderr) ? 'E2E_NO_NETWORK' : err ? String(err) : stdout.trim());
    });
  });
}

describe('e2e network guard', () => {
  it('blocks every connection by default, loopback included', async () => {
    expect(await attempt('127.0.0.1', false)).toBe('E2E_NO_NETWORK');
    expect(await attempt('192.0.2.1', false)).toBe('E2E_NO_NETWORK');
  });
  it('with E2E_ALLOW_LOOPBACK=1 lets 127.0.0.1 through and nothing else', async () => {
    expect(await attempt('127.0.0.1', true)).toBe('connected');
    expect(await attempt('192.0.2.1', true)).toBe('E2E_NO_NETWORK');
  });
});
