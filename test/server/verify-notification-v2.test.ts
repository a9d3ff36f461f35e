// verifyNotificationV2 against notifications that wechatpay-axios-plugin's own v2 helpers sign
// (Hash.sign) and serialise (Transformer.toXml), as WeChat Pay API v2 sends them.
import { verifyNotificationV2 } from 'miniprogram-pay/server';
import { Hash, Transformer } from 'wechatpay-axios-plugin';

const KEY = 'ApiV2KeyOfTheTestMerchant0123456';

/** A v2 payment notification's fields (WeChat Pay's documented example, a mini program's). */
const FIELDS: Record<string, string> = {
  appid: 'wx2421b1c4370ec43b',
  attach: 'order:MP1',
  bank_type: 'CFT',
  cash_fee: '100',
  fee_type: 'CNY',
  is_subscribe: 'N',
  mch_id: '10000100',
  nonce_str: '5d2b6c2a8db53831f7eda20af46e531c',
  openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
  out_trade_no: '1409811653',
  result_code: 'SUCCESS',
  return_code: 'SUCCESS',
  time_end: '20140903131540',
  total_fee: '100',
  trade_type: 'JSAPI',
  transaction_id: '1004400740201409030005092168',
};

/** The notification as the plugin signs and serialises it. */
function signed(
  fields: Record<string, string> = FIELDS,
  type: 'MD5' | 'HMAC-SHA256' = 'MD5',
  key = KEY,
): string {
  return Transformer.toXml({ ...fields, sign: Hash.sign(type, fields, key) });
}

/** The answer's fields, read back with the plugin's XML parser. */
const answerOf = (answer: string) => Transformer.toObject(answer) as Record<string, string>;

function refusal(result: ReturnType<typeof verifyNotificationV2>) {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('verifyNotificationV2 accepts', () => {
  it('an MD5-signed notification (no sign_type): its fields as strings, and the SUCCESS answer', () => {
    const body = signed();
    const result = verifyNotificationV2({ body }, { key: KEY });
    expect(result).toEqual({
      ok: true,
      notification: { ...FIELDS, sign: Hash.sign('MD5', FIELDS, KEY) },
      answer: expect.any(String),
    });
    if (result.ok)
      expect(answerOf(result.answer)).toEqual({ return_code: 'SUCCESS', return_msg: 'OK' });
  });

  it('HMAC-SHA256 named by sign_type, or by the signType option when the notification names none', () => {
    const named = { ...FIELDS, sign_type: 'HMAC-SHA256' };
    expect(verifyNotificationV2({ body: signed(named, 'HMAC-SHA256') }, { key: KEY }).ok).toBe(
      true,
    );
    const unnamed = signed(FIELDS, 'HMAC-SHA256');
    expect(verifyNotificationV2({ body: unnamed }, { key: KEY, signType: 'HMAC-SHA256' }).ok).toBe(
      true,
    );
    expect(refusal(verifyNotificationV2({ body: unnamed }, { key: KEY })).code).toBe(
      'bad_signature',
    );
  });

  it('values with XML specials (in CDATA, as the plugin writes them), the body as a Buffer', () => {
    const fields = { ...FIELDS, attach: 'a&b<c>"d"' };
    const body = Buffer.from(signed(fields), 'utf8');
    const result = verifyNotificationV2({ body }, { key: KEY });
    expect(result.ok && result.notification.attach).toBe('a&b<c>"d"');
  });

  it('plain text values with entities, a declaration, whitespace and a lowercase sign', () => {
    const fields = { ...FIELDS, attach: 'a&b' };
    const sign = Hash.sign('MD5', fields, KEY).toLowerCase();
    const elements = Object.entries({ ...fields, sign })
      .map(([name, value]) => `  <${name}>${value.replace('&', '&amp;')}</${name}>\n`)
      .join('');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n${elements}</xml>\n`;
    const result = verifyNotificationV2({ body }, { key: KEY });
    expect(result.ok && result.notification.attach).toBe('a&b');
  });

  it('an empty field as <name/> (left out of the signature), numeric character references', () => {
    const fields = { ...FIELDS, attach: '中文' };
    const sign = Hash.sign('MD5', fields, KEY);
    const elements = Object.entries({ ...fields, sign })
      .map(
        ([name, value]) => `<${name}>${name === 'attach' ? '&#x4E2D;&#25991;' : value}</${name}>`,
      )
      .join('');
    const result = verifyNotificationV2(
      { body: `<xml><device_info/>${elements}</xml>` },
      { key: KEY },
    );
    expect(result.ok && result.notification).toMatchObject({ attach: '中文', device_info: '' });
  });

  it('a genuine notification of a failed payment (result_code FAIL): reading it is yours', () => {
    const fields = {
      ...FIELDS,
      result_code: 'FAIL',
      err_code: 'NOTENOUGH',
      err_code_des: '余额不足',
    };
    const result = verifyNotificationV2({ body: signed(fields) }, { key: KEY });
    expect(result.ok && result.notification.result_code).toBe('FAIL');
  });
});

describe('verifyNotificationV2 refuses', () => {
  it.each([
    [
      'a tampered total_fee',
      signed().replace('<total_fee>100<', '<total_fee>1<'),
      401,
      'bad_signature',
    ],
    [
      'a notification signed with another key',
      signed(FIELDS, 'MD5', 'AnotherV2KeyOfAMerchant012345678'),
      401,
      'bad_signature',
    ],
    ['a notification without sign', Transformer.toXml(FIELDS), 401, 'missing_sign'],
    [
      'return_code FAIL',
      signed({ return_code: 'FAIL', return_msg: '签名失败' }),
      400,
      'communication_failure',
    ],
    [
      'an unknown sign_type',
      signed({ ...FIELDS, sign_type: 'SHA1' }),
      400,
      'unsupported_sign_type',
    ],
    ['JSON', JSON.stringify(FIELDS), 400, 'malformed_body'],
    [
      'a nested element',
      '<xml><return_code><a>SUCCESS</a></return_code></xml>',
      400,
      'malformed_body',
    ],
    ['a field twice', '<xml><sign>A</sign><sign>B</sign></xml>', 400, 'malformed_body'],
    [
      'a DOCTYPE',
      '<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><a>&e;</a></xml>',
      400,
      'malformed_body',
    ],
    ['an unknown entity', '<xml><return_code>&e;</return_code></xml>', 400, 'malformed_body'],
    ['an element not closed', '<xml><return_code>SUCCESS</xml>', 400, 'malformed_body'],
    ['a character reference out of Unicode', '<xml><a>&#x110000;</a></xml>', 400, 'malformed_body'],
    ['an unclosed CDATA', '<xml><a><![CDATA[x</a></xml>', 400, 'malformed_body'],
    ['an empty body', '', 400, 'malformed_body'],
  ])('%s', (_name, body, status, code) => {
    const result = refusal(verifyNotificationV2({ body }, { key: KEY }));
    expect({ status: result.status, code: result.code }).toEqual({ status, code });
    expect(answerOf(result.answer)).toEqual({ return_code: 'FAIL', return_msg: result.message });
  });

  it('without a key (invalid_options, 401), never showing the key', () => {
    // biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
    const result = refusal(verifyNotificationV2({ body: signed() }, {} as any));
    expect(result).toMatchObject({ status: 401, code: 'invalid_options' });
    const secret = refusal(
      verifyNotificationV2({ body: signed() }, { key: 42 as unknown as string }),
    );
    expect(secret.message).not.toContain('42');
  });

  it('anything but { body } without throwing, a hostile object included', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    for (const request of [undefined, null, 'xml', { body: 42 }, hostile]) {
      // biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
      const result = refusal(verifyNotificationV2(request as any, { key: KEY }));
      expect(result).toMatchObject({ status: 400, code: 'invalid_request' });
      expect(result.message).toMatch(/^the request/);
    }
  });

  it('a return_msg holding "]]>" still answers well-formed XML', () => {
    const result = refusal(
      verifyNotificationV2(
        { body: '<xml><return_code>FAIL</return_code><return_msg>x]]&gt;y</return_msg></xml>' },
        { key: KEY },
      ),
    );
    expect(answerOf(result.answer).return_msg).toBe(result.message);
    expect(result.message).toContain('x]]>y');
  });
});
