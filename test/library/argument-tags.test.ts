// Errors a developer can catch: whatever an entry throws has a message that starts with that
// entry's tag, so a log line says which part of the library spoke; a bad argument is a
// TypeError. Every exported function of each entry is called with values it cannot use; a
// function may also take them (a payment call resolves invalid_params, describeResult says
// "unknown", runUntil runs its two functions until it gives up). A class is left out: its
// constructor takes a message as Error's does (HttpBackendError is made by httpBackend).
import { createPublicKey } from 'node:crypto';
import * as client from 'miniprogram-pay';
import * as messages from 'miniprogram-pay/messages';
import * as server from 'miniprogram-pay/server';
import * as testing from 'miniprogram-pay/testing';

/** Values no option or argument of the library takes (a Proxy that throws is the caller's throw). */
const UNUSABLE: readonly unknown[] = [undefined, null, 42, 'text', [], {}, () => {}, Symbol('s')];

/** How a call ended: it returned (or resolved), or what it threw (or rejected with). */
async function outcomeOf(call: () => unknown): Promise<{ threw?: unknown }> {
  try {
    await call();
    return {};
  } catch (error) {
    return { threw: error };
  }
}

/** The thrown values of every exported function of `entry` called with unusable arguments. */
async function thrownByExports(entry: Record<string, unknown>) {
  const thrown: Array<{ call: string; error: unknown }> = [];
  for (const [name, value] of Object.entries(entry)) {
    if (typeof value !== 'function' || /^class\b/.test(Function.prototype.toString.call(value)))
      continue;
    const call = value as (...args: unknown[]) => unknown;
    for (const argument of UNUSABLE) {
      for (const args of [[argument], [argument, argument]]) {
        const { threw } = await outcomeOf(() => call(...args));
        if (threw !== undefined)
          thrown.push({ call: `${name}(${args.map(String)})`, error: threw });
      }
    }
  }
  return thrown;
}

/** The message of what `call` threw or rejected with; fails when it did neither. */
async function messageOf(call: () => unknown, kind: typeof Error = TypeError): Promise<string> {
  const { threw } = await outcomeOf(call);
  expect(threw).toBeInstanceOf(kind);
  return (threw as Error).message;
}

const fakeBackend = testing.createFakeBackend();

describe.each([
  ['miniprogram-pay', '[miniprogram-pay]', client, ['createCheckout', 'httpBackend']],
  ['miniprogram-pay/messages', '[miniprogram-pay]', messages, []],
  [
    'miniprogram-pay/server',
    '[miniprogram-pay/server]',
    server,
    ['signPayment', 'createNotification', 'decryptResource', 'createOrderWatch'],
  ],
  [
    'miniprogram-pay/testing',
    '[miniprogram-pay/testing]',
    testing,
    ['createFakeHost', 'createFakeBackend', 'fetchRequest', 'runUntil', 'runUntilSettled'],
  ],
])('%s', (_entry, tag, entry, refusing) => {
  it(`every function it exports throws messages starting with ${tag}`, async () => {
    const thrown = await thrownByExports(entry as Record<string, unknown>);
    for (const { call, error } of thrown) {
      expect({ call, message: (error as Error).message }).toEqual({
        call,
        message: expect.stringMatching(new RegExp(`^${tag.replace(/[[\]/]/g, '\\$&')} \\w`)),
      });
    }
    const refused = new Set(thrown.map(({ call }) => call.slice(0, call.indexOf('('))));
    for (const name of refusing) expect(refused).toContain(name);
  });
});

describe('the options inside the options', () => {
  it.each<[string, () => unknown]>([
    [
      'createCheckout: confirm.deadlineMs',
      () => client.createCheckout({ backend: fakeBackend, confirm: { deadlineMs: -1 } }),
    ],
    ['httpBackend: timeoutMs', () => client.httpBackend({ baseUrl: 'https://a', timeoutMs: 0 })],
  ])('miniprogram-pay, %s', async (_name, call) => {
    expect(await messageOf(call)).toMatch(/^\[miniprogram-pay\] /);
  });

  it.each<[string, () => unknown]>([
    [
      'createFakeHost: a cashier behaviour it does not know',
      () => testing.createFakeHost({ cashier: 'bogus' as never }),
    ],
    ['createFakeHost: answerDelayMs', () => testing.createFakeHost({ answerDelayMs: -1 })],
    [
      'FakeHost.setCashier',
      () => testing.createFakeHost().setCashier([{ answers: [{}] }] as never),
    ],
    ['FakeHost.deliverLost', () => testing.createFakeHost().deliverLost(7 as never)],
    [
      'createFakeBackend: a script answer',
      () => testing.createFakeBackend({ script: ['done' as never] }),
    ],
    ['FakeBackend.setState', () => testing.createFakeBackend().setState('PAID' as never)],
    [
      'runUntil: stepMs 0, which would never end',
      () =>
        testing.runUntil(
          () => false,
          async () => {},
          { stepMs: 0 },
        ),
    ],
  ])('miniprogram-pay/testing, %s', async (_name, call) => {
    expect(await messageOf(call)).toMatch(/^\[miniprogram-pay\/testing\] /);
  });

  const watch = server.createOrderWatch({ getOrder: () => undefined });
  it.each<[string, () => unknown]>([
    ['OrderWatch.wait: its options', () => watch.wait('A', {} as never)],
    ['OrderWatch.changed: an empty id', () => watch.changed('')],
    [
      'createNotification: a public key where the private key is needed',
      () =>
        server.createNotification({
          eventType: 'TRANSACTION.SUCCESS',
          resource: {},
          apiV3Key: 'k'.repeat(32),
          privateKey: createPublicKey(
            '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----',
          ),
          serial: 'S',
        }),
    ],
    [
      'decryptResource: a resource that does not decrypt (an Error, not a TypeError)',
      () =>
        server.decryptResource({
          apiV3Key: 'k'.repeat(32),
          resource: { ciphertext: 'A'.repeat(24), nonce: 'n'.repeat(12) },
        }),
    ],
    [
      'decryptResource: a nonce of 5 bytes (a TypeError)',
      () =>
        server.decryptResource({
          apiV3Key: 'k'.repeat(32),
          resource: { ciphertext: 'A'.repeat(24), nonce: 'short' },
        }),
    ],
  ])('miniprogram-pay/server, %s', async (name, call) => {
    const kind = name.includes('not a TypeError') ? Error : TypeError;
    expect(await messageOf(call, kind)).toMatch(/^\[miniprogram-pay\/server\] /);
  });
});
