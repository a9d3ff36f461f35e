import { randomString } from '../lib/ids';
import type { TestClock } from './test-clock';

/** A task due at a time of the test clock; plain data, so that the store can keep it. */
export interface TaskRecord {
  readonly id: string;
  /** Due time, ms on the test clock. */
  readonly at: number;
  /** Which handler runs it, e.g. `notification.attempt`. */
  readonly kind: string;
  /** What the handler needs (JSON). */
  readonly data: unknown;
  /** Order among tasks due at the same time. */
  readonly seq: number;
}

export type TaskHandler = (data: unknown, task: TaskRecord) => Promise<void> | void;

/** Tasks run past this many in one advance are a runaway loop (a task scheduling itself). */
const MAX_TASKS_PER_ADVANCE = 100_000;

/**
 * Runs tasks when the test clock passes their time. With the wall clock, one timer is armed for
 * the earliest task and due tasks start as it fires. `advance` moves the clock forward and runs
 * every task due up to the new time one at a time, in order, stepping the clock to each task's
 * time first: a task that schedules another (a retry 15 s later) sees it run in the same advance.
 */
export class Scheduler {
  private readonly handlers = new Map<string, TaskHandler>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private armedAt = Number.POSITIVE_INFINITY;
  private advancing = false;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private nextSeq: number;

  constructor(
    private readonly clock: TestClock,
    private readonly tasks: Map<string, TaskRecord>,
    private readonly onError: (error: unknown, task: TaskRecord) => void,
  ) {
    this.nextSeq = Math.max(0, ...[...tasks.values()].map((task) => task.seq)) + 1;
  }

  /** Names the handler of a kind of task; register every kind before `start()`. */
  handle(kind: string, handler: TaskHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Arms the timer for the tasks already stored (after a restart, overdue ones run now). */
  start(): void {
    this.arm();
  }

  /** Schedules `kind` with `data` at `at` (ms on the test clock); answers the task's id. */
  schedule(kind: string, at: number, data: unknown): string {
    const task: TaskRecord = {
      id: `task_${randomString(16)}`,
      at,
      kind,
      data,
      seq: this.nextSeq++,
    };
    this.tasks.set(task.id, task);
    if (at < this.armedAt) this.arm();
    return task.id;
  }

  cancel(id: string): boolean {
    return this.tasks.delete(id);
  }

  pending(): TaskRecord[] {
    return [...this.tasks.values()].sort(byDueTime);
  }

  /**
   * Moves the clock `ms` forward and runs, in order and one at a time, every task due by then
   * (tasks already running finish first). Advances run one after another.
   */
  advance(ms: number): Promise<{ readonly ran: number }> {
    const run = this.queue.then(() => this.playUntil(ms));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer and waits for the tasks running now. Stored tasks stay stored. */
  async close(): Promise<void> {
    this.closed = true;
    this.disarm();
    await Promise.all(this.running);
  }

  private async playUntil(ms: number): Promise<{ readonly ran: number }> {
    this.advancing = true;
    this.disarm();
    try {
      await Promise.all(this.running);
      const target = this.clock.now() + ms;
      let ran = 0;
      for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) {
        if (ran >= MAX_TASKS_PER_ADVANCE || this.closed) break;
        this.tasks.delete(next.id);
        this.clock.moveTo(next.at);
        await this.runOne(next);
        ran += 1;
      }
      this.clock.moveTo(target);
      return { ran };
    } finally {
      this.advancing = false;
      this.arm();
    }
  }

  private earliest(): TaskRecord | undefined {
    let earliest: TaskRecord | undefined;
    for (const task of this.tasks.values()) {
      if (!earliest || byDueTime(task, earliest) < 0) earliest = task;
    }
    return earliest;
  }

  private arm(): void {
    this.disarm();
    if (this.closed || this.advancing) return;
    const next = this.earliest();
    if (!next) return;
    this.armedAt = next.at;
    // setTimeout takes at most 2^31-1 ms; a later task re-arms when this fires.
    const delay = Math.min(Math.max(0, next.at - this.clock.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.runDue(), delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  /** The wall clock reached the earliest task: start every task due, in order. */
  private runDue(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    if (this.advancing || this.closed) return;
    const now = this.clock.now();
    const due = [...this.tasks.values()].filter((task) => task.at <= now).sort(byDueTime);
    for (const task of due) {
      this.tasks.delete(task.id);
      const running = this.runOne(task).finally(() => this.running.delete(running));
      this.running.add(running);
    }
    this.arm();
  }

  private async runOne(task: TaskRecord): Promise<void> {
    const handler = this.handlers.get(task.kind);
    try {
      if (!handler) throw new Error(`no handler for tasks of kind ${task.kind}`);
      await handler(task.data, task);
    } catch (error) {
      this.onError(error, task);
    }
  }
}

function byDueTime(a: TaskRecord, b: TaskRecord): number {
  return a.at - b.at || a.seq - b.seq;
}
