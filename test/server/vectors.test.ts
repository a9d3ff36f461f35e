// The published vectors of test/fixtures/vectors/README.md, and the openssl-made ones of
// test/fixtures/server/README.md, reproduced by the server kit's sign functions.
import { createPrivateKey } from 'node:crypto';
import {
  signPayment,
  signPaymentV2,
  signV2Params,
  signVirtualPayment,
  signVirtualPaymentApi,
} from 'miniprogram-pay/server';
import { DOC_PRIVATE_KEY } from './helpers/keys';

const V3_PAY_SIGN =
  'mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==';

const v3 = {
  appId: 'wx2421b1c4370ec43b',
  prepayId: 'wx201410272009395522657a690389285100',
  timeStamp: '1554208460',
  nonceStr: '593BEC0C930BF1AFEB40B4A08C8FB242',
};

const v2 = {
  appId: 'wxd678efh567hg6787',
  prepayId: 'wx2017033010242291fcfe0db70013231072',
  timeStamp: '1490840662',
  nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  key: 'qazwsxedcrfvtgbyhnujmikolp111111',
};

describe('signPayment: the API v3 vector', () => {
  it.each([
    ['a PEM string', DOC_PRIVATE_KEY],
    ['a KeyObject', createPrivateKey(DOC_PRIVATE_KEY)],
  ])('signs appId\\ntimeStamp\\nnonceStr\\npackage\\n with %s', (_kind, privateKey) => {
    expect(signPayment({ ...v3, privateKey })).toEqual({
      timeStamp: '1554208460',
      nonceStr: '593BEC0C930BF1AFEB40B4A08C8FB242',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
      paySign: V3_PAY_SIGN,
    });
  });
});

describe('signPaymentV2: the API v2 vectors', () => {
  it('MD5 (published)', () => {
    expect(signPaymentV2({ ...v2, signType: 'MD5' })).toEqual({
      timeStamp: '1490840662',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx2017033010242291fcfe0db70013231072',
      signType: 'MD5',
      paySign: '22D9B4E54AB1950F51E0649E8810ACD6',
    });
  });

  it('HMAC-SHA256, keyed with the API key (openssl)', () => {
    expect(signPaymentV2({ ...v2, signType: 'HMAC-SHA256' }).paySign).toBe(
      'FB9D1EFB5C509131BBFF729F88A99CA2DE9B724D06D3B3262832A53083862BC0',
    );
  });
});

describe('signV2Params: the generic v2 vectors', () => {
  const params = {
    appid: 'wxd930ea5d5a258f4f',
    mch_id: '10000100',
    device_info: 1000,
    body: 'test',
    nonce_str: 'ibuaiVcKdpRxkhJA',
  };
  const key = '192006250b4c09247ec02edce69f6a2d';

  it('MD5 and HMAC-SHA256 of the sorted fields', () => {
    expect(signV2Params(params, { key, signType: 'MD5' })).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(signV2Params(params, { key, signType: 'HMAC-SHA256' })).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });

  it('leaves out sign and the fields without a value', () => {
    const noisy = { ...params, sign: 'OLD', attach: '', detail: undefined, goods_tag: null };
    expect(signV2Params(noisy, { key, signType: 'MD5' })).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });
});

describe('signVirtualPayment and signVirtualPaymentApi: the virtual payment vectors', () => {
  it('signature = hmac_sha256(sessionKey, signData) (published); paySig with the requestVirtualPayment& prefix (openssl)', () => {
    expect(
      signVirtualPayment({
        mode: 'short_series_goods',
        signData: '{"foo":"bar"}',
        appKey: '12345',
        sessionKey: 'o0q0otL8aEzpcZL/FT9WsQ==',
      }),
    ).toEqual({
      mode: 'short_series_goods',
      signData: '{"foo":"bar"}',
      paySig: 'f06f774bca98f45802b72459da429b112357187a33d3f9984f4525b270611d74',
      signature: '654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b',
    });
  });

  it('an object signData is serialised once, and that string is signed and returned', () => {
    const signed = signVirtualPayment({
      mode: 'short_series_coin',
      signData: { foo: 'bar' },
      appKey: '12345',
      sessionKey: 'o0q0otL8aEzpcZL/FT9WsQ==',
    });
    expect(signed.signData).toBe('{"foo":"bar"}');
    expect(signed.paySig).toBe('f06f774bca98f45802b72459da429b112357187a33d3f9984f4525b270611d74');
  });

  it('a string signData is returned byte for byte (spaces, key order, escapes)', () => {
    const signData = '{ "outTradeNo": "A1",\n"attach": "\\u4e2d", "env": 0 }';
    const signed = signVirtualPayment({
      mode: 'short_series_coin',
      signData,
      appKey: 'k',
      sessionKey: 's',
    });
    expect(signed.signData).toBe(signData);
    expect(signed.signData).not.toBe(JSON.stringify(JSON.parse(signData)));
  });

  it('a server API call: pay_sig = hmac_sha256(appKey, uri + "&" + body) (published)', () => {
    const body = '{"openid": "xxx", "user_ip": "127.0.0.1", "env": 0}';
    expect(
      signVirtualPaymentApi({ uri: '/xpay/query_user_balance', body, appKey: '12345' }),
    ).toEqual({
      body,
      paySig: 'c37809f27c6d7fd1837ad2500a04512b66b34fd793a39a385fade56dca89a4b5',
    });
    expect(
      signVirtualPaymentApi({
        uri: '/x',
        body: '{"foo":"bar"}',
        appKey: '12345',
        sessionKey: 'o0q0otL8aEzpcZL/FT9WsQ==',
      }).signature,
    ).toBe('654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b');
  });
});
