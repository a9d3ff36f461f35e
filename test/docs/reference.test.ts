// The reference in docs/ against the code: every options table lists the members of its public
// interface with the TSDoc `@default` each has, the defaults are the values the code uses, and
// every result or refusal code has its row.
import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_CONFIRM } from 'miniprogram-pay';
import * as server from 'miniprogram-pay/server';
import {
  DEFAULT_CREATE_PATH,
  DEFAULT_HOST_TIMEOUT_MS,
  DEFAULT_PENDING_KEY,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RESUME_GRACE_MS,
} from '../../src/defaults';
import { plain, section, tableRows } from './markdown';
import { type Entry, literalsOf, optionsOf } from './public-api';

interface OptionsTable {
  readonly page: string;
  readonly heading: string;
  readonly entry: Entry;
  readonly type: string;
}

const OPTIONS_TABLES: readonly OptionsTable[] = [
  {
    page: 'docs/payment-calls.md',
    heading: 'Options of a payment call',
    entry: 'src/index.ts',
    type: 'CallOptions',
  },
  {
    page: 'docs/checkout.md',
    heading: 'Checkout options',
    entry: 'src/index.ts',
    type: 'CheckoutConfig',
  },
  {
    page: 'docs/checkout.md',
    heading: 'When the checkout asks the backend',
    entry: 'src/index.ts',
    type: 'ConfirmOptions',
  },
  {
    page: 'docs/http-backend.md',
    heading: 'Options',
    entry: 'src/index.ts',
    type: 'HttpBackendOptions',
  },
  {
    page: 'docs/server-kit.md',
    heading: 'Notifications for tests',
    entry: 'src/server/index.ts',
    type: 'CreateNotificationOptions',
  },
];

/** The `default` column (the second) of each row of the table under `heading`. */
function documentedDefaults(page: string, heading: string): Map<string, string> {
  return new Map(tableRows(section(page, heading)).map((row) => [row.name, row.cells[1] ?? '']));
}

describe.each(OPTIONS_TABLES)(
  '$page, "$heading": the table of $type',
  ({ page, heading, entry, type }) => {
    it('lists every option of the interface, in its order, and nothing else', () => {
      const rows = [...documentedDefaults(page, heading).keys()];
      expect(rows).toEqual(optionsOf(entry, type).map((option) => option.name));
    });

    it.each(optionsOf(entry, type))('gives $name the default its TSDoc gives', (option) => {
      const documented = plain(documentedDefaults(page, heading).get(option.name) ?? '');
      if (!option.optional) {
        expect({ documented, tsdoc: option.default }).toEqual({
          documented: 'required',
          tsdoc: undefined,
        });
        return;
      }
      const tsdoc = plain(option.default ?? '(no @default)');
      // The table may leave out the TSDoc's explanation in brackets: `true` for "true (nothing …)".
      const accepted = tsdoc.includes(' (')
        ? [tsdoc, tsdoc.slice(0, tsdoc.indexOf(' ('))]
        : [tsdoc];
      expect(accepted).toContain(documented);
    });
  },
);

describe('The options tables give the defaults the code uses', () => {
  it.each<[string, string, string, string | number]>([
    ['docs/payment-calls.md', 'Options of a payment call', 'timeoutMs', DEFAULT_HOST_TIMEOUT_MS],
    ['docs/checkout.md', 'Checkout options', 'hostTimeoutMs', DEFAULT_HOST_TIMEOUT_MS],
    ['docs/checkout.md', 'Checkout options', 'resumeGraceMs', DEFAULT_RESUME_GRACE_MS],
    ['docs/checkout.md', 'Checkout options', 'pendingKey', `'${DEFAULT_PENDING_KEY}'`],
    ['docs/http-backend.md', 'Options', 'timeoutMs', DEFAULT_REQUEST_TIMEOUT_MS],
    ['docs/http-backend.md', 'Options', 'createPath', `'${DEFAULT_CREATE_PATH}'`],
    ...Object.entries(DEFAULT_CONFIRM).map(([option, value]): [string, string, string, number] => [
      'docs/checkout.md',
      'When the checkout asks the backend',
      option,
      value,
    ]),
  ])('%s, "%s": %s is %p', (page, heading, option, value) => {
    const cell = documentedDefaults(page, heading).get(option) ?? '';
    expect(/^`([^`]+)`/.exec(cell)?.[1]).toBe(String(value));
  });

  it('docs/server-kit.md, "Notifications for tests": createNotification fills resourceKind and summary as documented', () => {
    const defaults = documentedDefaults('docs/server-kit.md', 'Notifications for tests');
    const quoted = (cell: string | undefined) =>
      [...(cell ?? '').matchAll(/`'([^']*)'`/g)].map((match) => match[1]);
    const [resourceKind] = quoted(defaults.get('resourceKind'));
    const [paid, refunded] = quoted(defaults.get('summary'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const notify = (eventType: string) =>
      server.createNotification({
        eventType,
        resource: { out_trade_no: 'o1' },
        apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
        privateKey,
        serial: 'PUB_KEY_ID_0114232024052300000011112222',
      }).notification;
    expect(notify('TRANSACTION.SUCCESS').resource.associated_data).toBe(resourceKind);
    expect(notify('TRANSACTION.SUCCESS').summary).toBe(paid);
    expect(notify('REFUND.SUCCESS').summary).toBe(refunded);
    expect(notify('REFUND.ABNORMAL').summary).toBe('REFUND.ABNORMAL');
  });
});

describe('The result and refusal codes each have their row', () => {
  it('docs/checkout.md, "Results": every CheckoutFailCode, and no other', () => {
    const rows = tableRows(section('docs/checkout.md', 'Results'))
      .filter((row) => row.name.startsWith('failed'))
      .map((row) => /^`failed` \/ `(\w+)`$/.exec(row.cells[0] ?? '')?.[1]);
    expect(rows.sort()).toEqual(literalsOf('src/index.ts', 'CheckoutFailCode').sort());
  });

  it('docs/payment-calls.md, "What a payment call resolves to": every FailCode, and no other', () => {
    const rows = tableRows(section('docs/payment-calls.md', 'What a payment call resolves to'))
      .filter((row) => row.name === 'failed')
      .map((row) => /^`(\w+)`$/.exec(row.cells[1] ?? '')?.[1]);
    expect(rows.sort()).toEqual(literalsOf('src/index.ts', 'FailCode').sort());
  });

  it('docs/verifying-notifications.md: every code verifyNotification refuses with, and no other', () => {
    const rows = tableRows(section('docs/verifying-notifications.md', 'Verifying notifications'));
    expect([...new Set(rows.map((row) => row.name))].sort()).toEqual(
      literalsOf('src/server/index.ts', 'NotificationRefusalCode').sort(),
    );
  });

  it('docs/server-kit.md, "API v2 notifications": every code verifyNotificationV2 refuses with', () => {
    const rows = tableRows(section('docs/server-kit.md', 'API v2 notifications'));
    expect(rows.map((row) => row.name).sort()).toEqual(
      literalsOf('src/server/index.ts', 'NotificationV2RefusalCode').sort(),
    );
  });

  it('docs/server-kit.md, "What it exports": every export of miniprogram-pay/server', () => {
    const table = tableRows(section('docs/server-kit.md', 'What it exports'))
      .map((row) => row.cells[0])
      .join('\n');
    for (const [name, value] of Object.entries(server)) {
      expect(table).toContain(typeof value === 'function' ? `\`${name}(` : `\`${name}\``);
    }
  });
});
