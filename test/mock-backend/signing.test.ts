import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { verifyRsaSha256 } from '../../demo-miniprogram/mock-backend/src/signing/rsa-sha256';
import {
  signV2,
  signV2PaySign,
  v2SignString,
  verifyV2PaySign,
} from '../../demo-miniprogram/mock-backend/src/signing/v2-pay-sign';
import {
  signV3PaySign,
  v3PaySignMessage,
  verifyV3PaySign,
} from '../../demo-miniprogram/mock-backend/src/signing/v3-pay-sign';
import {
  serverPaySig,
  userSignature,
  virtualPaySig,
} from '../../demo-miniprogram/mock-backend/src/signing/virtual-pay-sign';

const docKeyPem = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'vectors', 'wechatpay-doc-test-key.pem'),
  'utf8',
);
const docPrivateKey = createPrivateKey(docKeyPem);
const docPublicKey = createPublicKey(docPrivateKey);

describe('API v3 paySign (vector: WeChat Pay documentation test key)', () => {
  const fields = {
    appId: 'wx2421b1c4370ec43b',
    timeStamp: '1554208460',
    nonceStr: '593BEC0C930BF1AFEB40B4A08C8FB242',
    package: 'prepay_id=wx201410272009395522657a690389285100',
  };
  const expected =
    'mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpmoYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzuXSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHBX5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==';

  it('builds the four-line message with a trailing newline', () => {
    expect(v3PaySignMessage(fields)).toBe(
      'wx2421b1c4370ec43b\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\nprepay_id=wx201410272009395522657a690389285100\n',
    );
  });

  it('signs the published vector byte for byte', () => {
    expect(signV3PaySign(fields, docPrivateKey)).toBe(expected);
  });

  it('verifies the vector and refuses any change', () => {
    expect(verifyV3PaySign(fields, expected, docPublicKey)).toBe(true);
    expect(verifyV3PaySign({ ...fields, nonceStr: 'X' }, expected, docPublicKey)).toBe(false);
    expect(
      verifyV3PaySign({ ...fields, appId: 'wx0000000000000000' }, expected, docPublicKey),
    ).toBe(false);
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(verifyV3PaySign(fields, expected, other)).toBe(false);
  });

  it('refuses malformed Base64 without throwing', () => {
    expect(verifyRsaSha256('x', '', docPublicKey)).toBe(false);
    expect(verifyRsaSha256('x', 'not base64!', docPublicKey)).toBe(false);
    expect(verifyRsaSha256('x', ` ${expected}`, docPublicKey)).toBe(false);
    expect(verifyRsaSha256('x', 'AAAA', docPublicKey)).toBe(false);
  });
});

describe('API v2 paySign (MD5 / HMAC-SHA256 vectors)', () => {
  it('reproduces the mini program MD5 vector of seed 001, signType included', () => {
    const fields = {
      appId: 'wxd678efh567hg6787',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx2017033010242291fcfe0db70013231072',
      signType: 'MD5' as const,
      timeStamp: '1490840662',
    };
    const key = 'qazwsxedcrfvtgbyhnujmikolp111111';
    expect(signV2PaySign(fields, key)).toBe('22D9B4E54AB1950F51E0649E8810ACD6');
    expect(verifyV2PaySign(fields, '22D9B4E54AB1950F51E0649E8810ACD6', key)).toBe(true);
    expect(verifyV2PaySign(fields, '22d9b4e54ab1950f51e0649e8810acd6', key)).toBe(false);
    expect(
      verifyV2PaySign(
        { ...fields, timeStamp: '1490840663' },
        '22D9B4E54AB1950F51E0649E8810ACD6',
        key,
      ),
    ).toBe(false);
  });

  const unifiedOrder = {
    mch_id: '10000100',
    appid: 'wxd930ea5d5a258f4f',
    device_info: '1000',
    body: 'test',
    nonce_str: 'ibuaiVcKdpRxkhJA',
  };
  const key = '192006250b4c09247ec02edce69f6a2d';

  it('sorts the fields and appends the key', () => {
    expect(v2SignString({ ...unifiedOrder, sign: 'ignored', empty: '' }, key)).toBe(
      'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d',
    );
  });

  it('reproduces the MD5 and HMAC-SHA256 vectors', () => {
    expect(signV2(unifiedOrder, key, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(signV2(unifiedOrder, key, 'HMAC-SHA256')).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });
});

describe('virtual payment HMAC-SHA256 vectors', () => {
  it('signs a server API call with the AppKey and the uri prefix', () => {
    expect(
      serverPaySig(
        '12345',
        '/xpay/query_user_balance',
        '{"openid": "xxx", "user_ip": "127.0.0.1", "env": 0}',
      ),
    ).toBe('c37809f27c6d7fd1837ad2500a04512b66b34fd793a39a385fade56dca89a4b5');
  });

  it('signs the user signature with the session_key and no prefix', () => {
    expect(userSignature('o0q0otL8aEzpcZL/FT9WsQ==', '{"foo":"bar"}')).toBe(
      '654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b',
    );
  });

  it('prefixes paySig with requestVirtualPayment&', () => {
    expect(virtualPaySig('12345', '{"a":1}')).toBe(
      serverPaySig('12345', 'requestVirtualPayment', '{"a":1}'),
    );
    expect(virtualPaySig('12345', '{"a":1}')).not.toBe(userSignature('12345', '{"a":1}'));
  });
});
