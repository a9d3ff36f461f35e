import type { MerchantConfig } from '../config/options';
import type { LoadedKeys } from '../keys/merchant-keys';
import { CATALOGUE, COIN_PRICE_FEN } from '../orders/catalogue';

/**
 * The demo institution's one sub-merchant, for API v2 (WeChat Pay Global's institution mode:
 * an order names `sub_mch_id` and the mini program as `sub_appid`).
 */
export const SUB_MCH_ID = '1900000109';

/** The platform keys the simulator answered: what the merchant verifies WeChat Pay with. */
export interface PlatformKeys {
  readonly certificate: { readonly serial: string; readonly pem: string };
  readonly publicKey: { readonly id: string; readonly pem: string };
}

/**
 * Registers the merchant with the simulator (`POST /sim/merchants`), as a merchant is set up
 * in WeChat Pay's merchant platform: its AppID, its API key (public half), its APIv3 and v2
 * keys, how notifications are signed, where refunds made outside the merchant's own calls are
 * notified, and the mini program's virtual payment and B2b settings. Registering again (every
 * instance does at its start) updates it; the platform keys stay.
 */
export async function register(
  simulatorUrl: string,
  config: MerchantConfig,
  keys: LoadedKeys,
  ownUrl: string,
): Promise<PlatformKeys> {
  const { material } = keys;
  const appKeys = {
    production: material.virtualAppKeyProduction,
    sandbox: material.virtualAppKeySandbox,
  };
  const items = CATALOGUE.filter((product) => product.kind === 'item');
  const body = {
    mchid: config.mchId,
    appids: [config.appId],
    merchantSerial: keys.merchantSerial,
    merchantPublicKey: keys.merchantPublicKeyPem,
    apiV3Key: material.apiV3Key,
    apiV2Key: material.v2ApiKey,
    signing: config.notifySigning,
    refundNotifyUrl: `${ownUrl}/pay/notify`,
    subMerchants: [{ mchid: SUB_MCH_ID, appids: [config.appId] }],
    appSecrets: { [config.appId]: material.appSecret },
    virtualPayment: {
      offerId: config.offerId,
      appKeys,
      notifyUrl: `${ownUrl}/pay/virtual-notify`,
      goods: items.map((item) => ({ productId: item.id, price: item.price })),
      coinPrice: COIN_PRICE_FEN,
    },
    b2b: {
      appKeys,
      notifyUrl: `${ownUrl}/pay/b2b-notify`,
      messagePushToken: material.messagePushToken,
    },
  };
  let response: Response;
  try {
    response = await fetch(`${simulatorUrl}/sim/merchants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause ?? (error as Error);
    throw new Error(
      `[merchant-server] cannot reach the WeChat Pay simulator at ${simulatorUrl}: ${cause.message}`,
    );
  }
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(
      `[merchant-server] the simulator at ${simulatorUrl} refused the merchant's registration: ${response.status} ${text}`,
    );
  }
  const answer = JSON.parse(text) as {
    platformCertificate: PlatformKeys['certificate'];
    publicKey: PlatformKeys['publicKey'];
  };
  return { certificate: answer.platformCertificate, publicKey: answer.publicKey };
}
