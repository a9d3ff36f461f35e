import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { parse } from 'acorn';
import { createFakeHost } from 'miniprogram-pay/testing';

const bundlePath = join(__dirname, '../../miniprogram_dist/index.js');
const messagesPath = join(__dirname, '../../miniprogram_dist/messages.js');

/** Loads the DevTools npm build the way a mini program does: a module wrapper, no Node. */
function loadInMiniProgramRuntime(wx: unknown, path = bundlePath) {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  const module = { exports: {} as Record<string, (...args: unknown[]) => Promise<unknown>> };
  const required: string[] = [];
  const context = createContext(
    {
      wx,
      setTimeout,
      clearTimeout,
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        throw new Error(`require('${name}') is not available in a mini program`);
      },
    },
    { codeGeneration: { strings: false, wasm: false } },
  );
  const source = readFileSync(path, 'utf8');
  new Script(`(function (module, exports, require) {${source}\n})(module, exports, require)`, {
    filename: `miniprogram_npm/miniprogram-pay/${path === bundlePath ? 'index' : 'messages'}.js`,
  }).runInContext(context);
  return { api: module.exports, required, context };
}

describe('Install: miniprogram_dist in a mini program runtime', () => {
  it('has no Node or DOM globals to lean on', () => {
    const { context } = loadInMiniProgramRuntime(createFakeHost());
    const globals = new Script(
      '[typeof process, typeof window, typeof document, typeof Buffer, typeof global]',
    ).runInContext(context);
    expect(Array.from(globals)).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
    expect(() => new Script('Function("return 1")()').runInContext(context)).toThrow();
  });

  it('loads without requiring anything and pays through the global wx', async () => {
    const wx = createFakeHost();
    const { api, required } = loadInMiniProgramRuntime(wx);
    expect(required).toEqual([]);
    const outcome = await api.requestPayment?.({
      timeStamp: '1414561699',
      nonceStr: 'n0nce',
      package: 'prepay_id=wx2017',
      signType: 'RSA',
      paySign: 'sig',
    });
    expect(outcome).toMatchObject({ status: 'ok' });
    expect(wx.sheetsOpened).toBe(1);
  });

  it.each([bundlePath, messagesPath])('keeps to ES2015 syntax: %s', (path) => {
    const source = readFileSync(path, 'utf8');
    expect(() => parse(source, { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
    expect(() => parse('const o = { ...{} }', { ecmaVersion: 2015 })).toThrow();
  });

  it("require('miniprogram-pay/messages') loads on its own and speaks to the person paying", () => {
    const { api, required } = loadInMiniProgramRuntime(createFakeHost(), messagesPath);
    expect(required).toEqual([]);
    const describe = api.describeResult as unknown as (result: unknown, locale?: string) => unknown;
    expect(
      describe({ status: 'paid', orderId: 'o', order: { orderId: 'o', state: 'paid' } }),
    ).toEqual({
      title: '支付成功',
      detail: '支付成功，订单已确认。',
    });
    expect(describe({ status: 'pending', orderId: 'o', detail: '' }, 'en')).toMatchObject({
      title: 'Processing',
    });
  });
});
