export type { CashierBehaviour, CashierStep, ScriptedAnswer } from './cashier-script';
export * from './fake-backend';
export * from './fake-host';
export * from './run-until-settled';
