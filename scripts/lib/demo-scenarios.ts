import type { SheetAnswer } from './bridge-wx';
import { cashOut } from './demo-cash-out';
import { type PurchaseReport, purchase } from './demo-purchase';
import type { DemoConfig, DemoSession } from './demo-session';

export { cashOut } from './demo-cash-out';
export { type PurchaseOptions, type PurchaseReport, purchase } from './demo-purchase';
export {
  type DemoConfig,
  type DemoSession,
  openShop,
  startDemoSession,
} from './demo-session';

/** One step of the walkthrough and what the user must see. */
export interface Scenario {
  name: string;
  productId: string;
  profile?: string;
  answer: SheetAnswer;
  /** The simulated platform's behaviour for this step. */
  sim?: DemoConfig['sim'];
  expectTitle: string;
  /** Text the result must contain. */
  expectText?: string;
}

/** The main job, as `npm run demo` walks through it. */
export const WALKTHROUGH: Scenario[] = [
  { name: 'pay', productId: 'coffee-beans', answer: 'Pay', expectTitle: 'Paid' },
  { name: 'cancel', productId: 'mug', answer: 'Cancel', expectTitle: 'Cancelled' },
  {
    name: 'fail',
    productId: 'sticker',
    answer: 'Fail',
    expectTitle: 'Payment failed',
    expectText: '支付失败',
  },
  {
    name: 'lost callback',
    productId: 'coffee-beans',
    answer: 'Pay but lose the callback',
    expectTitle: 'Paid',
    expectText: 'never called back',
  },
  {
    name: 'backend late',
    productId: 'mug',
    answer: 'Pay',
    sim: { dropNotify: true },
    expectTitle: 'Paid',
  },
  { name: 'coins', productId: 'coins-60', answer: 'Pay', expectTitle: 'Paid' },
  { name: 'order payment', productId: 'shop-tote', answer: 'Pay', expectTitle: 'Paid' },
  { name: 'B2b payment', productId: 'b2b-beans-case', answer: 'Pay', expectTitle: 'Paid' },
  {
    name: 'cash-out',
    productId: 'cash-out',
    answer: 'Confirm receipt',
    expectTitle: 'Received',
  },
];

/** Runs one scenario; `problems` lists what misbehaved (empty when it behaved). */
export async function runScenario(
  session: DemoSession,
  scenario: Scenario,
): Promise<{ report: PurchaseReport; problems: string[] }> {
  // The sim host holds this very object: change it in place, restore it in place.
  const live = session.config.sim as Record<string, unknown>;
  const saved = { ...live };
  Object.assign(live, scenario.sim);
  try {
    // The cash-out has its own page; everything else is bought in the shop.
    const report =
      scenario.productId === 'cash-out'
        ? await cashOut(session, { answer: scenario.answer })
        : await purchase(session, scenario);
    const problems: string[] = [];
    if (report.title !== scenario.expectTitle) {
      problems.push(
        `expected "${scenario.expectTitle}", the page shows "${report.title}: ${report.text}"`,
      );
    }
    if (scenario.expectText && !report.detail.includes(scenario.expectText)) {
      problems.push(
        `expected the developer detail to mention "${scenario.expectText}": ${report.detail}`,
      );
    }
    if (report.ordersCreated !== 1) problems.push(`${report.ordersCreated} orders created`);
    if (report.sheetsShown !== 1) problems.push(`${report.sheetsShown} cashier sheets shown`);
    return { report, problems };
  } finally {
    for (const key of Object.keys(live)) delete live[key];
    Object.assign(live, saved);
  }
}
