import { createHash } from 'node:crypto';
import { WeChatError } from '../errors/wechat-error';
import { canonicalJson, describeValue } from '../lib/json';
import type { Merchant } from '../merchants/merchant';
import { Fields, type StringRule } from '../validation/fields';
import type { NewTransferBill } from './transfer-book';
import { decryptUserName } from './user-name';

/** The transfer scenes WeChat Pay documents for transfer_scene_id (现金营销 1000, 佣金报酬 1005, …). */
export const TRANSFER_SCENES = ['1000', '1002', '1004', '1005', '1009', '1010', '1011', '1013'];
/** The least WeChat Pay transfers: 0.1 yuan. */
export const MIN_TRANSFER_FEN = 10;
/** From 2000 yuan, the payee's name is required. */
export const NAME_REQUIRED_FROM_FEN = 200_000;

const OUT_BILL_NO: StringRule = {
  maxBytes: 32,
  pattern: { test: /^[0-9A-Za-z]{1,32}$/, says: '1 to 32 of [0-9A-Za-z]' },
};
const NOTIFY_URL: StringRule = {
  maxBytes: 256,
  pattern: { test: /^https?:\/\/[^\s?#]+$/, says: 'an http(s) URL without query parameters' },
};

/**
 * `POST /v3/fund-app/mch-transfer/transfer-bills` (发起转账), checked against the merchant:
 * the AppID is bound to it, the scene is one WeChat documents and comes with its report
 * infos, the amount is at least 0.1 yuan, the remark at most 32 characters, and from 2000 yuan
 * `user_name` is given, encrypted with the platform key `Wechatpay-Serial` names.
 */
export function readTransferBill(
  body: unknown,
  merchant: Merchant,
  serial: string | undefined,
): NewTransferBill {
  const fields = Fields.of(body, 'body');
  const appid = fields.requiredString('appid', { maxBytes: 32 });
  const outBillNo = fields.requiredString('out_bill_no', OUT_BILL_NO);
  const sceneId = fields.requiredString('transfer_scene_id', { maxBytes: 36 });
  if (!TRANSFER_SCENES.includes(sceneId)) {
    throw fields.error(
      'transfer_scene_id',
      `transfer_scene_id must be a scene WeChat Pay documents (${TRANSFER_SCENES.join(', ')}); got ${describeValue(sceneId)}.`,
    );
  }
  const openid = fields.requiredString('openid', { maxBytes: 64 });
  const amount = fields.requiredInteger('transfer_amount', 1, 100_000_000_000);
  if (amount < MIN_TRANSFER_FEN) {
    throw new WeChatError(
      400,
      'INVALID_REQUEST',
      `transfer_amount ${amount} is below the least a transfer can be (超过单笔转账上下限): ${MIN_TRANSFER_FEN} fen, 0.1 yuan.`,
      { location: 'body', field: 'transfer_amount' },
    );
  }
  const remark = fields.requiredString('transfer_remark', { maxBytes: 128 });
  if ([...remark].length > 32)
    throw fields.error('transfer_remark', 'transfer_remark must be at most 32 characters.');
  const notifyUrl = fields.optionalString('notify_url', NOTIFY_URL);
  fields.optionalString('user_recv_perception', { maxBytes: 96 });
  reportInfosOf(fields);
  const userNameCiphertext = fields.optionalString('user_name', { maxBytes: 2048 });
  const userName =
    userNameCiphertext === undefined
      ? undefined
      : decryptUserName(userNameCiphertext, merchant, serial);
  if (userName === undefined && amount >= NAME_REQUIRED_FROM_FEN) {
    throw fields.error(
      'user_name',
      'user_name is required for a transfer of 2000 yuan or more (encrypted).',
    );
  }
  if (!merchant.record.appids.includes(appid)) {
    throw new WeChatError(
      400,
      'APPID_MCHID_NOT_MATCH',
      `appid ${appid} is not bound to merchant ${merchant.mchid} (registered: ${merchant.record.appids.join(', ')}).`,
      { location: 'body', field: 'appid' },
    );
  }
  // The ciphertext differs at each sending (OAEP is randomised): the name itself identifies.
  const nameDigest = userName && createHash('sha256').update(userName).digest('hex');
  return {
    mchid: merchant.mchid,
    appid,
    outBillNo,
    sceneId,
    openid,
    amount,
    remark,
    ...(notifyUrl === undefined ? {} : { notifyUrl }),
    fingerprint: canonicalJson({ ...(body as object), user_name: nameDigest }),
  };
}

/** transfer_scene_report_infos: 1 to 10 `{ info_type, info_content }`, as each scene requires. */
function reportInfosOf(fields: Fields): void {
  const infos = fields.raw('transfer_scene_report_infos');
  if (!Array.isArray(infos) || infos.length === 0 || infos.length > 10) {
    throw fields.error(
      'transfer_scene_report_infos',
      `transfer_scene_report_infos is required (需传入转账场景报备信息): 1 to 10 objects { info_type, info_content }, as the scene requires; got ${describeValue(infos)}.`,
    );
  }
  infos.forEach((item: unknown, index) => {
    const info = Fields.of(item, `transfer_scene_report_infos[${index}]`);
    info.requiredString('info_type', { maxBytes: 45 });
    info.requiredString('info_content', { maxBytes: 96 });
  });
}
