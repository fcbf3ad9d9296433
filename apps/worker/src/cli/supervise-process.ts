import { defaultRestartPolicy, nextRestart, type RestartPolicy } from '@wirelens/core/supervision';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why it never ran, when it failed to start. */
  error?: string;
}

export interface RunningProcess {
  exited: Promise<ProcessExit>;
  /** Asks the process to finish and waits until it has. */
  stop(): Promise<void>;
  /** Ends a hung process at once. */
  kill(): void;
}

export interface HealthCheck {
  /** Resolves true when the process answered. */
  check(): Promise<boolean>;
  intervalMs: number;
  /** This many unanswered checks in a row and the process is killed (and restarted). */
  maxFailures: number;
}

export interface SuperviseOptions {
  name: string;
  start: () => Promise<RunningProcess>;
  /** The process as already started, when the first start was not the supervisor's. */
  initial?: RunningProcess;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Called once when the process crashed too often; the supervisor restarts it no more. */
  onGiveUp: (reason: string) => void;
  healthCheck?: HealthCheck;
  policy?: RestartPolicy;
}

export interface Supervisor {
  /** Stops restarting and stops the process. */
  stop(): Promise<void>;
}

function describeExit(exit: ProcessExit): string {
  if (exit.error !== undefined) return `failed to start (${exit.error})`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/**
 * Keeps a process running: restarts it after each exit with growing back-off (see `nextRestart`), and, with a
 * health check, kills it when it stops answering. The first start's failure is the caller's to report.
 */
export async function superviseProcess({
  name,
  start,
  initial,
  log,
  onGiveUp,
  healthCheck,
  policy = defaultRestartPolicy,
}: SuperviseOptions): Promise<Supervisor> {
  let current = initial ?? (await start());
  let stopping = false;
  let wake: () => void = () => undefined;
  const crashes: number[] = [];

  const failedStart = (error: unknown): RunningProcess => ({
    exited: Promise.resolve({
      code: null,
      signal: null,
      error: error instanceof Error ? error.message : String(error),
    }),
    stop: () => Promise.resolve(),
    kill: () => undefined,
  });

  const supervised = (async () => {
    for (;;) {
      const exit = await current.exited;
      if (stopping) return;
      crashes.push(Date.now());
      const decision = nextRestart({ crashes, now: Date.now(), policy });
      const window = `${decision.recentCrashes} within ${policy.windowMs / 1000} s`;
      if (decision.action === 'give-up') {
        log.error(`${name} ${describeExit(exit)}; ${window}: giving up`);
        onGiveUp(`${name} crashed ${window}`);
        return;
      }
      log.warn(`${name} ${describeExit(exit)}; restarting in ${decision.delayMs / 1000} s (crash ${window})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, decision.delayMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) return;
      current = await start().catch(failedStart);
      if (stopping) await current.stop();
      else log.info(`${name} restarted`);
    }
  })();

  let monitor: NodeJS.Timeout | undefined;
  if (healthCheck) {
    // Only a process that has answered once since it (re)started counts as hung: start-up is not a hang.
    let watched: RunningProcess | null = null;
    let failures = 0;
    let checking = false;
    monitor = setInterval(() => {
      if (checking || stopping) return;
      checking = true;
      const target = current;
      void healthCheck
        .check()
        .catch(() => false)
        .then((answered) => {
          checking = false;
          if (target !== current || stopping) return;
          if (answered) {
            watched = target;
            failures = 0;
            return;
          }
          if (watched !== target) return;
          failures += 1;
          if (failures < healthCheck.maxFailures) return;
          log.warn(`${name} did not answer its health check ${failures} times in a row: killing it`);
          watched = null;
          failures = 0;
          target.kill();
        });
    }, healthCheck.intervalMs);
  }

  return {
    async stop() {
      stopping = true;
      clearInterval(monitor);
      wake();
      await current.stop();
      await supervised;
    },
  };
}
