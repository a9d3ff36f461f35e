import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CheckoutFailCode,
  CheckoutResult,
  OrderSnapshot,
  PaymentOutcome,
} from 'miniprogram-pay';
import { describeResult, type MessageLocale, type ResultMessage } from 'miniprogram-pay/messages';
import ts from 'typescript';
import { FAIL_CODES } from '../core/helpers';

// Every status and code, from the types: a new one fails to compile until it is listed here.
const CHECKOUT_FAIL_CODES = {
  ...FAIL_CODES,
  create_order_failed: true,
  order_closed: true,
  payment_failed: true,
  order_refunded: true,
  order_unknown: true,
} as const satisfies Record<CheckoutFailCode, true>;
const LOCALES = { 'zh-CN': true, en: true } as const satisfies Record<MessageLocale, true>;

const keys = <T extends object>(table: T) => Object.keys(table) as Array<keyof T & string>;
const order: OrderSnapshot = { orderId: 'o-1', state: 'paid' };
const cancelled: PaymentOutcome = { status: 'cancelled', errMsg: '', raw: {} };

/** One PaymentOutcome per status and failure code. */
const OUTCOMES_BY_STATUS: { readonly [status in PaymentOutcome['status']]: PaymentOutcome[] } = {
  ok: [{ status: 'ok', errMsg: 'requestPayment:ok', raw: {} }],
  cancelled: [cancelled],
  failed: keys(FAIL_CODES).map((code) => ({
    status: 'failed',
    code,
    detail: 'why',
    errMsg: '',
    raw: undefined,
  })),
};

/** One CheckoutResult per status and failure code. */
const RESULTS_BY_STATUS: { readonly [status in CheckoutResult['status']]: CheckoutResult[] } = {
  paid: [{ status: 'paid', orderId: 'o-1', order }],
  cancelled: [{ status: 'cancelled', orderId: 'o-1', outcome: cancelled }],
  pending: [{ status: 'pending', orderId: 'o-1', detail: 'still pending' }],
  failed: keys(CHECKOUT_FAIL_CODES).map((code) => ({
    status: 'failed',
    code,
    detail: 'why',
    orderId: 'o-1',
  })),
};

const nameOf = (result: PaymentOutcome | CheckoutResult) =>
  result.status === 'failed' ? `failed ${result.code}` : result.status;
const OUTCOMES = Object.values(OUTCOMES_BY_STATUS).flat();
const RESULTS = Object.values(RESULTS_BY_STATUS).flat();

const EVERY_RESULT = [
  ...OUTCOMES.map((result) => [`payment ${nameOf(result)}`, result] as const),
  ...RESULTS.map((result) => [`checkout ${nameOf(result)}`, result] as const),
];
const UNKNOWN: { readonly [locale in MessageLocale]: ResultMessage } = {
  'zh-CN': describeResult(null as never, 'zh-CN'),
  en: describeResult(null as never, 'en'),
};
const CJK = /[\u4e00-\u9fff]/;

describe('Messages for the person paying: describeResult', () => {
  describe.each(keys(LOCALES))('in %s', (locale) => {
    it.each(EVERY_RESULT)('%s: a title and a detail, both non-empty text', (_name, result) => {
      const { title, detail } = describeResult(result, locale);
      expect(title).toEqual(expect.any(String));
      expect(detail).toEqual(expect.any(String));
      expect(title.trim()).not.toBe('');
      expect(detail.trim()).not.toBe('');
    });

    it.each(EVERY_RESULT)('%s: recognised, not the unknown message', (_name, result) => {
      expect(describeResult(result, locale)).not.toEqual(UNKNOWN[locale]);
    });

    it.each(EVERY_RESULT)('%s: a title short enough for wx.showToast', (_name, result) => {
      const { title } = describeResult(result, locale);
      // wx.showToast with an icon shows at most 7 Chinese characters.
      expect([...title].length).toBeLessThanOrEqual(locale === 'zh-CN' ? 7 : 16);
    });

    it('speaks its language', () => {
      for (const [, result] of EVERY_RESULT) {
        const { title, detail } = describeResult(result, locale);
        expect(CJK.test(title + detail)).toBe(locale === 'zh-CN');
      }
    });

    it('an ok from the cashier is not told as paid: only the backend says paid', () => {
      const ok = describeResult({ status: 'ok', errMsg: 'requestPayment:ok', raw: {} }, locale);
      const paid = describeResult({ status: 'paid', orderId: 'o-1', order }, locale);
      expect(ok.title).not.toBe(paid.title);
      expect(ok.detail).not.toBe(paid.detail);
    });

    it('a payment failure and the same checkout failure read the same', () => {
      for (const code of keys(FAIL_CODES)) {
        const outcome = describeResult(
          { status: 'failed', code, detail: 'x', errMsg: '', raw: undefined },
          locale,
        );
        expect(describeResult({ status: 'failed', code, detail: 'y' }, locale)).toEqual(outcome);
      }
    });

    it("never shows the developer's detail to the person paying", () => {
      const secret = 'SIGNATURE_INVALID errCode -15005';
      const { title, detail } = describeResult(
        { status: 'failed', code: 'host_error', detail: secret, errMsg: secret, raw: undefined },
        locale,
      );
      expect(title + detail).not.toContain('SIGNATURE_INVALID');
    });
  });

  it('speaks zh-CN by default', () => {
    for (const [, result] of EVERY_RESULT) {
      expect(describeResult(result)).toEqual(describeResult(result, 'zh-CN'));
    }
    expect(describeResult({ status: 'paid', orderId: 'o-1', order })).not.toEqual(
      describeResult({ status: 'paid', orderId: 'o-1', order }, 'en'),
    );
  });

  it.each(['fr', 'EN', 'zh-cn', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'falls back to zh-CN for the unknown locale %p',
    (locale) => {
      const paid: CheckoutResult = { status: 'paid', orderId: 'o-1', order };
      expect(describeResult(paid, locale as MessageLocale)).toEqual(describeResult(paid, 'zh-CN'));
    },
  );

  it('falls back to zh-CN for a locale that is not text', () => {
    const paid: CheckoutResult = { status: 'paid', orderId: 'o-1', order };
    const zh = describeResult(paid, 'zh-CN');
    for (const locale of [null, 42, Symbol('en'), {}]) {
      expect(describeResult(paid, locale as never)).toEqual(zh);
    }
  });

  it('falls back to zh-CN, without throwing, for a locale whose toString throws', () => {
    const paid: CheckoutResult = { status: 'paid', orderId: 'o-1', order };
    const locale = {
      toString() {
        throw new Error('no text');
      },
    };
    expect(() => describeResult(paid, locale as never)).not.toThrow();
    expect(describeResult(paid, locale as never)).toEqual(describeResult(paid, 'zh-CN'));
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'paid'],
    ['an empty object', {}],
    ['an unknown status', { status: 'done' }],
    ['a status inherited from Object', { status: 'toString' }],
    ['an unknown failure code', { status: 'failed', code: 'nope' }],
    ['a failure without a code', { status: 'failed' }],
    ['a status as a failure code', { status: 'failed', code: 'paid' }],
    [
      'a Proxy that throws',
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    ],
    [
      'a status getter that throws',
      Object.defineProperty({}, 'status', {
        get: () => {
          throw 1;
        },
      }),
    ],
  ])('garbage (%s) reads as the unknown message, without throwing', (_name, garbage) => {
    for (const locale of keys(LOCALES)) {
      expect(describeResult(garbage as never, locale)).toEqual(UNKNOWN[locale]);
    }
  });

  it('the unknown message is its own: none of the known results reads like it', () => {
    for (const locale of keys(LOCALES)) {
      const known = EVERY_RESULT.map(([, result]) => describeResult(result, locale));
      expect(known).not.toContainEqual(UNKNOWN[locale]);
      expect([...UNKNOWN[locale].title].length).toBeLessThanOrEqual(locale === 'zh-CN' ? 7 : 16);
    }
  });
});

describe('Messages for the person paying: miniprogram-pay/messages is a bundle of its own', () => {
  const dir = join(__dirname, '../../src/messages');
  const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));

  /** Every module a file loads at run time (type-only imports and exports left out). */
  function runtimeImports(file: string): string[] {
    const text = readFileSync(join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause !== undefined &&
            clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly));
        if (!typeOnly) found.push(node.moduleSpecifier.text);
      }
      if (
        ts.isExportDeclaration(node) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier) &&
        !node.isTypeOnly
      ) {
        found.push(node.moduleSpecifier.text);
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const [first] = node.arguments;
        const loads =
          callee.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(callee) && callee.text === 'require');
        if (loads) found.push(first && ts.isStringLiteral(first) ? first.text : '<dynamic>');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('reads the whole entry', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'describe-result.ts', 'types.ts']));
  });

  it.each(files)('%s loads nothing outside src/messages at run time (types only)', (file) => {
    const outside = runtimeImports(file).filter(
      (specifier) => !/^\.\/[\w-]+(\.json)?$/.test(specifier),
    );
    expect(outside).toEqual([]);
  });

  it('the check sees a runtime import when there is one', () => {
    const text = readFileSync(join(dir, 'locales.ts'), 'utf8');
    expect(text).toMatch(/import en from '\.\/en\.json'/);
    expect(runtimeImports('locales.ts')).toContain('./en.json');
    expect(runtimeImports('describe-result.ts')).toContain('./locales');
  });
});
