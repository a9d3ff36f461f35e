import { parseArgs } from 'node:util';
import type { SimulatorOptions } from './options';

/** The port when neither --port nor PORT says one. */
export const DEFAULT_PORT = 3100;

export const USAGE = `Usage: npm run simulator -- [options]      (or: npx wechatpay-simulator [options])

  --port <n>        TCP port (or PORT; 0 picks a free one; default ${DEFAULT_PORT})
  --host <host>     interface to listen on (default 127.0.0.1)
  --data-dir <dir>  keep merchants, keys, orders and the clock in <dir>/simulator.json
                    (default: everything in memory, gone at exit)
  --log             log every request
  -h, --help        show this help

Then register a merchant: POST /sim/merchants (see simulator/README.md).`;

export type CliCommand =
  | { readonly help: true }
  | { readonly help: false; readonly options: SimulatorOptions };

/** Reads the command line and PORT; throws a sentence naming a bad option. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  let values: { port?: string; host?: string; 'data-dir'?: string; log?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message.split('\n')[0]} (see --help).`);
  }
  if (values.help) return { help: true };
  const [portName, portText] =
    values.port !== undefined ? ['--port', values.port] : ['PORT', env.PORT || undefined];
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65_535) {
      throw new Error(`${portName} must be a port number from 0 to 65535; got ${portText}.`);
    }
    port = Number(portText);
  }
  if (values.host === '') throw new Error('--host must not be empty.');
  if (values['data-dir'] === '') throw new Error('--data-dir must not be empty.');
  return {
    help: false,
    options: {
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      logger: values.log ?? false,
    },
  };
}
