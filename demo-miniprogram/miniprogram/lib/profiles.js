/**
 * The parameter profiles the merchant server can sign, one per shape a real server sends:
 * `payment` is used for goods (wx.requestPayment), `virtual` for coins and items
 * (wx.requestVirtualPayment).
 */
const PROFILES = [
  { id: 'wechat-v3', label: 'WeChat Pay v3 (RSA)', payment: 'wechat-v3', virtual: 'wechat' },
  {
    id: 'wechat-v2-md5',
    label: 'WeChat Pay v2 (MD5)',
    payment: 'wechat-v2-md5',
    virtual: 'wechat',
  },
  {
    id: 'wechat-v2-hmac',
    label: 'WeChat Pay v2 (HMAC-SHA256)',
    payment: 'wechat-v2-hmac',
    virtual: 'wechat',
  },
  { id: 'psp', label: 'Payment provider (pkg)', payment: 'psp', virtual: 'wechat' },
  { id: 'tcmpp', label: 'TCMPP superapp (paySign)', payment: 'wechat-v3', virtual: 'tcmpp' },
];

function findProfile(id) {
  for (let i = 0; i < PROFILES.length; i++) {
    if (PROFILES[i].id === id) return PROFILES[i];
  }
  return PROFILES[0];
}

/**
 * The backend's profile name for this product under the chosen profile: goods and
 * trade-component goods take the payment shape, coins and items the virtual one; B2b goods,
 * plugin goods and cash-outs have one shape each (the backend's default).
 */
function backendProfile(profileId, product) {
  const profile = findProfile(profileId);
  if (product.kind === 'goods' || product.kind === 'component-goods') return profile.payment;
  if (product.kind === 'coins' || product.kind === 'item') return profile.virtual;
  return undefined;
}

module.exports = { PROFILES: PROFILES, findProfile: findProfile, backendProfile: backendProfile };
