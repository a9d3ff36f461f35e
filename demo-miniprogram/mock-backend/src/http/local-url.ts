import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where to reach a server listening on `host` from this machine, e.g. `http://127.0.0.1:3000`. */
export function localUrlOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${urlHost(host)}:${port}`;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
