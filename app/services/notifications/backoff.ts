/** Retry policy of the outbox: exponential backoff with a little jitter, then give up. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 8;
/** ±10 %: spreads retries of a burst that failed together (gateway outage) without changing the schedule's shape. */
export const BACKOFF_JITTER = 0.1;

/**
 * Delay before the next try after `attempts` failed attempts (attempts ≥ 1):
 * 30 s, 1 min, 2 min, 4 min … capped at 1 h. `random` in [0, 1) is injectable for tests.
 */
export function backoffDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const base = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
  const jittered = base * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random());
  return Math.round(Math.min(jittered, BACKOFF_CAP_MS));
}
