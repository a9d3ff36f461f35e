import { readB2bConfig } from '../b2b/config';
import { isRecord } from '../lib/json';
import { readAppSecrets } from '../mini-program/app-secrets';
import { Fields } from '../validation/fields';
import { readVirtualPaymentConfig } from '../virtual-payment/config';

/**
 * Checks one extension object of a registration (400 PARAM_ERROR naming the wrong field):
 * `virtualPayment`, `b2b` and `appSecrets` by their shapes, any other one as an object.
 * The object is stored as given.
 */
export function checkExtension(name: string, registration: Fields): void {
  const value = registration.raw(name);
  switch (name) {
    case 'virtualPayment':
      readVirtualPaymentConfig(value);
      return;
    case 'b2b':
      readB2bConfig(value);
      return;
    case 'appSecrets':
      readAppSecrets(value, registeredAppids(registration));
      return;
    default:
      Fields.of(value, name);
  }
}

/** The AppIDs of the registration's body (checked in full after the extensions). */
function registeredAppids(registration: Fields): string[] {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const subMerchants = registration.raw('subMerchants');
  const subAppids = Array.isArray(subMerchants)
    ? subMerchants.flatMap((sub: unknown) => (isRecord(sub) ? strings(sub.appids) : []))
    : [];
  return [...strings(registration.raw('appids')), ...subAppids];
}
