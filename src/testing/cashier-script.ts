import { isRecord } from '../shared/values';
import { invalid } from './check-options';

/** A host answer, delivered on one callback channel. */
export interface ScriptedAnswer {
  channel: 'success' | 'fail' | 'complete';
  answer: unknown;
}

/**
 * What the fake cashier does when opened, by name. Each real-world quirk of the hosts
 * (see the library README's outcome table) has a name here.
 */
export type CashierBehaviour =
  /** success `{errMsg:'<api>:ok'}`, then complete. */
  | 'ok'
  /** TCMPP-style answer whose API name is misspelt: `resquestPayment:ok`. */
  | 'ok-misspelt-api'
  /** fail `{errMsg:'<api>:fail cancel'}` (virtual: errCode -2), then complete. */
  | 'cancel'
  /** WeChat <= 6.5.2: only complete, with `requestPayment:cancel`. */
  | 'legacy-complete-cancel'
  /** PC virtual payment: `requestVirtualPayment:fail requestPayment:fail cancel`, errCode/errno -2. */
  | 'nested-virtual-cancel'
  /** fail `{errMsg:'<api>:fail <detail>'}`. */
  | 'fail'
  /** Old clients: `{errMsg:'requestPayment:fail', err_code:'-1', err_desc:'支付验证签名失败'}`. */
  | 'legacy-err-desc'
  /** `requestPayment:fail:调用支付JSAPI缺少参数: total_fee`. */
  | 'colon-fail'
  /** errno 102: `requestPayment:fail jsapi has no permission, ...`. */
  | 'no-permission'
  /** errno 100 (HarmonyOS): `requestPayment:fail :not supported`. */
  | 'not-supported'
  /** Virtual payment signature refused: `SIGNATURE_INVALID`, errCode/errno -15005. */
  | 'signature-invalid'
  /** B2b payment signature refused: `…webapi_wxa_createmidasorder:fail invalid signature`, errno 702002. */
  | 'b2b-invalid-signature'
  /** A merchant transfer whose package is stale or altered: `…:fail package_info信息有误`. */
  | 'transfer-package-invalid'
  /** success twice, then fail: only the first may count. */
  | 'double-callback'
  /** Calls success synchronously, inside the API call. */
  | 'sync-ok'
  /** The user left the app before "Done": no callback at all (deliver one later with `deliverLost`). */
  | 'lost'
  /** The API throws synchronously. */
  | 'throws'
  /** A promisified host (framework wrapper): ignores the callbacks, returns a promise of ok. */
  | 'promise'
  /** Answers a non-object (`undefined`) on fail, then complete with nothing. */
  | 'garbage';

const BEHAVIOUR_NAMES: { readonly [name in CashierBehaviour]: true } = {
  ok: true,
  'ok-misspelt-api': true,
  cancel: true,
  'legacy-complete-cancel': true,
  'nested-virtual-cancel': true,
  fail: true,
  'legacy-err-desc': true,
  'colon-fail': true,
  'no-permission': true,
  'not-supported': true,
  'signature-invalid': true,
  'b2b-invalid-signature': true,
  'transfer-package-invalid': true,
  'double-callback': true,
  'sync-ok': true,
  lost: true,
  throws: true,
  promise: true,
  garbage: true,
};

/** Every named behaviour, for property tests that try them all. */
export const CASHIER_BEHAVIOURS = Object.keys(BEHAVIOUR_NAMES) as readonly CashierBehaviour[];

/**
 * One step of the cashier's script: a named behaviour, answers of your own, or either with
 * its own delay (overriding `answerDelayMs`).
 */
export type CashierStep =
  | CashierBehaviour
  | { answers: ScriptedAnswer[]; delayMs?: number }
  | { behaviour: CashierBehaviour; delayMs?: number };

/**
 * Checks a cashier script (one step, or a list of steps) given to `api` as `name`; throws the
 * TypeError naming the first step that is none.
 */
export function checkCashierSteps(api: string, name: string, steps: unknown): void {
  const list: unknown[] = Array.isArray(steps) ? steps : [steps];
  list.forEach((step, index) => {
    if (isStep(step)) return;
    const at = Array.isArray(steps) ? `${name}[${index}]` : name;
    const expected = `a behaviour (${CASHIER_BEHAVIOURS.join(', ')}), { behaviour, delayMs? } or { answers: [{ channel, answer }], delayMs? }`;
    invalid(api, at, expected, step);
  });
}

function isStep(step: unknown): boolean {
  if (typeof step === 'string') return isBehaviour(step);
  if (!isRecord(step)) return false;
  const { delayMs, answers, behaviour } = step;
  if (delayMs !== undefined && !(typeof delayMs === 'number' && delayMs >= 0)) return false;
  if (answers === undefined) return isBehaviour(behaviour);
  return (
    Array.isArray(answers) &&
    answers.every((answer) => isRecord(answer) && isChannel(answer.channel))
  );
}

const isBehaviour = (name: unknown) => CASHIER_BEHAVIOURS.indexOf(name as CashierBehaviour) >= 0;
const isChannel = (name: unknown) => name === 'success' || name === 'fail' || name === 'complete';

/** The answers `step` delivers on `api`'s callbacks, or what it does instead. */
export function answersFor(
  step: CashierStep,
  api: string,
  detail = 'system error',
): ScriptedAnswer[] | 'lost' | 'throws' | 'promise' {
  if (typeof step === 'object') {
    return 'answers' in step ? step.answers : answersFor(step.behaviour, api, detail);
  }
  const virtual = api === 'requestVirtualPayment';
  const fail = (answer: object): ScriptedAnswer[] => [
    { channel: 'fail', answer },
    { channel: 'complete', answer },
  ];
  const ok = { errMsg: `${api}:ok` };
  switch (step) {
    case 'ok':
      return [
        { channel: 'success', answer: ok },
        { channel: 'complete', answer: ok },
      ];
    case 'ok-misspelt-api':
      return [{ channel: 'success', answer: { errMsg: 'resquestPayment:ok' } }];
    case 'sync-ok':
      return [{ channel: 'success', answer: ok }];
    case 'cancel':
      return fail(
        virtual ? { errMsg: `${api}:fail cancel`, errCode: -2 } : { errMsg: `${api}:fail cancel` },
      );
    case 'legacy-complete-cancel':
      return [{ channel: 'complete', answer: { errMsg: 'requestPayment:cancel' } }];
    case 'nested-virtual-cancel':
      return fail({
        errMsg: 'requestVirtualPayment:fail requestPayment:fail cancel',
        errCode: -2,
        errno: -2,
      });
    case 'fail':
      return fail({ errMsg: `${api}:fail ${detail}` });
    case 'legacy-err-desc':
      return fail({ errMsg: 'requestPayment:fail', err_code: '-1', err_desc: '支付验证签名失败' });
    case 'colon-fail':
      return fail({ errMsg: 'requestPayment:fail:调用支付JSAPI缺少参数: total_fee' });
    case 'no-permission':
      return fail({
        errMsg:
          'requestPayment:fail jsapi has no permission, event=requestPayment, runningState=foreground, permissionMsg=permission ok, detail=jsapi has been banned',
        errno: 102,
      });
    case 'not-supported':
      return fail({ errMsg: 'requestPayment:fail :not supported', errno: 100 });
    case 'signature-invalid':
      return fail({
        errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID',
        errCode: -15005,
        errno: -15005,
      });
    case 'b2b-invalid-signature':
      return fail({
        errMsg: 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid signature',
        errno: 702002,
      });
    case 'transfer-package-invalid':
      return fail({ errMsg: 'requestMerchantTransfer:fail package_info信息有误' });
    case 'double-callback':
      return [
        { channel: 'success', answer: ok },
        { channel: 'success', answer: ok },
        { channel: 'fail', answer: { errMsg: `${api}:fail late` } },
      ];
    case 'garbage':
      return [
        { channel: 'fail', answer: undefined },
        { channel: 'complete', answer: undefined },
      ];
    default:
      return step as 'lost' | 'throws' | 'promise';
  }
}
