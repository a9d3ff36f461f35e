import { parseRsaPublicKey } from '../crypto/rsa';
import type { Merchant, MerchantRecord } from './merchant';
import {
  generatePlatformPrivateKeys,
  loadPlatformKeys,
  type PlatformKeyRecord,
  type PlatformKeys,
  platformKeyRecordOf,
} from './platform-keys';
import type { Registration } from './registration';

export interface RegistryOptions {
  readonly records: Map<string, MerchantRecord>;
  readonly save: () => Promise<void>;
  readonly now: () => number;
  /** Platform keys every merchant shares (the simulator's `platformKeys` option). */
  readonly sharedPlatform: PlatformKeyRecord | undefined;
}

/**
 * The registered merchants: their keys (parsed once), and the platform's keys for each,
 * made at first registration (or shared by all when the simulator was given them).
 */
export class MerchantRegistry {
  private readonly loaded = new Map<string, Merchant>();
  private readonly generating = new Map<string, Promise<PlatformKeyRecord>>();
  private readonly shared: PlatformKeys | undefined;

  constructor(private readonly options: RegistryOptions) {
    this.shared = options.sharedPlatform && loadPlatformKeys(options.sharedPlatform);
  }

  /** Registers a merchant, or updates it: its platform keys stay the same. */
  async register(registration: Registration): Promise<Merchant> {
    const { records, now } = this.options;
    const existing = records.get(registration.mchid);
    const platform = this.shared
      ? undefined
      : (existing?.platform ?? (await this.newPlatform(registration.mchid)));
    const at = now();
    const record: MerchantRecord = {
      mchid: registration.mchid,
      appids: registration.appids,
      merchantSerial: registration.merchantSerial,
      merchantPublicKeyPem: registration.merchantPublicKeyPem,
      apiV3Key: registration.apiV3Key,
      ...(registration.apiV2Key === undefined ? {} : { apiV2Key: registration.apiV2Key }),
      signing: registration.signing,
      subMerchants: registration.subMerchants,
      ...(registration.refundNotifyUrl === undefined
        ? {}
        : { refundNotifyUrl: registration.refundNotifyUrl }),
      extensions: registration.extensions,
      ...(platform === undefined ? {} : { platform }),
      registeredAt: existing?.registeredAt ?? at,
      updatedAt: at,
    };
    records.set(record.mchid, record);
    this.loaded.delete(record.mchid);
    await this.options.save();
    return this.find(record.mchid) as Merchant;
  }

  find(mchid: string): Merchant | undefined {
    const cached = this.loaded.get(mchid);
    if (cached) return cached;
    const record = this.options.records.get(mchid);
    if (!record) return undefined;
    const publicKey = parseRsaPublicKey(record.merchantPublicKeyPem);
    const platform = this.shared ?? (record.platform && loadPlatformKeys(record.platform));
    if (typeof publicKey === 'string' || !platform) return undefined;
    const merchant: Merchant = { record, mchid, publicKey, platform };
    this.loaded.set(mchid, merchant);
    return merchant;
  }

  list(): Merchant[] {
    return [...this.options.records.keys()]
      .map((mchid) => this.find(mchid))
      .filter((merchant): merchant is Merchant => merchant !== undefined);
  }

  /** One generation per merchant, even when it registers twice at once. */
  private newPlatform(mchid: string): Promise<PlatformKeyRecord> {
    let pending = this.generating.get(mchid);
    if (!pending) {
      pending = generatePlatformPrivateKeys().then(([certificateKey, publicKeyKey]) =>
        platformKeyRecordOf(
          certificateKey,
          publicKeyKey,
          `WeChat Pay platform for ${mchid}`,
          this.options.now(),
        ),
      );
      this.generating.set(mchid, pending);
      pending.finally(() => this.generating.delete(mchid)).catch(() => undefined);
    }
    return pending;
  }
}
