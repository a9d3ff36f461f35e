export {
  CASHIER_BEHAVIOURS,
  type CashierBehaviour,
  type CashierStep,
  type ScriptedAnswer,
} from './cashier-script';
export * from './fake-backend';
export * from './fake-host';
export * from './fetch-request';
export * from './run-until-settled';
export type { FakeAnswer } from './scripted-answer';
