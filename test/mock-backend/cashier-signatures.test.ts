// What the simulated WeChat checks at the cashier (platform/cashier-signatures.ts), against the
// published vectors of test/fixtures/vectors/README.md and node:crypto: the verifying side of
// the signatures the merchant makes with the server kit.
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  v2PaySignValid,
  v3PaySignValid,
  virtualPaySigValid,
  virtualSignatureValid,
} from '../../demo-miniprogram/mock-backend/src/platform/cashier-signatures';

const docKeyPem = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'vectors', 'wechatpay-doc-test-key.pem'),
  'utf8',
);
const docPublicKey = createPublicKey(createPrivateKey(docKeyPem));

describe('API v3 paySign (vector: WeChat Pay documentation test key)', () => {
  const fields = {
    appId: 'wx2421b1c4370ec43b',
    timeStamp: '1554208460',
    nonceStr: '593BEC0C930BF1AFEB40B4A08C8FB242',
    package: 'prepay_id=wx201410272009395522657a690389285100',
  };
  const expected =
    'mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==';

  it('verifies the vector and refuses any change of field or key', () => {
    expect(v3PaySignValid(fields, expected, docPublicKey)).toBe(true);
    expect(v3PaySignValid({ ...fields, nonceStr: 'X' }, expected, docPublicKey)).toBe(false);
    expect(v3PaySignValid({ ...fields, appId: 'wx0000000000000000' }, expected, docPublicKey)).toBe(
      false,
    );
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(v3PaySignValid(fields, expected, other)).toBe(false);
  });

  it('refuses malformed Base64 without throwing', () => {
    for (const paySign of ['', 'not base64!', ` ${expected}`, 'AAAA']) {
      expect(v3PaySignValid(fields, paySign, docPublicKey)).toBe(false);
    }
  });
});

describe('API v2 paySign (the MD5 vector of seed 001)', () => {
  const fields = {
    appId: 'wxd678efh567hg6787',
    nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    package: 'prepay_id=wx2017033010242291fcfe0db70013231072',
    signType: 'MD5' as const,
    timeStamp: '1490840662',
  };
  const key = 'qazwsxedcrfvtgbyhnujmikolp111111';

  it('verifies the vector exactly: uppercase, signType and every field signed', () => {
    expect(v2PaySignValid(fields, '22D9B4E54AB1950F51E0649E8810ACD6', key)).toBe(true);
    expect(v2PaySignValid(fields, '22d9b4e54ab1950f51e0649e8810acd6', key)).toBe(false);
    expect(
      v2PaySignValid(
        { ...fields, timeStamp: '1490840663' },
        '22D9B4E54AB1950F51E0649E8810ACD6',
        key,
      ),
    ).toBe(false);
    expect(
      v2PaySignValid(
        { ...fields, signType: 'HMAC-SHA256' },
        '22D9B4E54AB1950F51E0649E8810ACD6',
        key,
      ),
    ).toBe(false);
  });

  it('HMAC-SHA256 is keyed with the API key (node:crypto)', () => {
    const hmac = { ...fields, signType: 'HMAC-SHA256' as const };
    const signString = `appId=${hmac.appId}&nonceStr=${hmac.nonceStr}&package=${hmac.package}&signType=HMAC-SHA256&timeStamp=${hmac.timeStamp}&key=${key}`;
    const expected = createHmac('sha256', key).update(signString).digest('hex').toUpperCase();
    expect(v2PaySignValid(hmac, expected, key)).toBe(true);
    expect(v2PaySignValid(hmac, expected, 'another key')).toBe(false);
  });
});

describe('virtual payment (HMAC-SHA256, lowercase hex)', () => {
  const signData = '{"foo":"bar"}';

  it('paySig is hmac_sha256(AppKey, "requestVirtualPayment&" + signData)', () => {
    const paySig = createHmac('sha256', '12345')
      .update(`requestVirtualPayment&${signData}`)
      .digest('hex');
    expect(virtualPaySigValid(signData, paySig, '12345')).toBe(true);
    expect(virtualPaySigValid(signData, paySig, '54321')).toBe(false);
    expect(virtualPaySigValid(signData, paySig.toUpperCase(), '12345')).toBe(false);
    const unprefixed = createHmac('sha256', '12345').update(signData).digest('hex');
    expect(virtualPaySigValid(signData, unprefixed, '12345')).toBe(false);
  });

  it('signature is hmac_sha256(session_key, signData), no prefix (the published vector)', () => {
    const input = {
      mode: 'short_series_coin' as const,
      signData,
      appKey: '12345',
      sessionKey: 'o0q0otL8aEzpcZL/FT9WsQ==',
    };
    const vector = '654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b';
    expect(virtualSignatureValid(input, vector)).toBe(true);
    expect(virtualSignatureValid({ ...input, sessionKey: 'other' }, vector)).toBe(false);
    expect(virtualSignatureValid({ ...input, signData: '{"foo":"baz"}' }, vector)).toBe(false);
  });
});
