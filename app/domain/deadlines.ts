const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Due date of a case (DESIGN.md §4): filing time + the procedure's delay + the time the clock was
 * paused (waiting for the citizen, office link down or in maintenance, waiting in the queue).
 */
export function dueDate(submittedAt: Date, targetDelayDays: number, pausedMs: number): Date {
  return new Date(submittedAt.getTime() + targetDelayDays * DAY_MS + Math.max(0, pausedMs));
}

/** Milliseconds an outage paused the clock: never negative, zero while it is still open. */
export function outagePauseMs(startedAt: Date, endedAt: Date | null): number {
  if (!endedAt) return 0;
  return Math.max(0, endedAt.getTime() - startedAt.getTime());
}

/**
 * What one case is owed for one stretch of outage: only the part after the case reached the
 * office (a case filed during the outage is not owed the time before it).
 */
export function casePauseMs(caseSubmittedAt: Date | null, outageStartedAt: Date, outageEndedAt: Date): number {
  const start = caseSubmittedAt && caseSubmittedAt > outageStartedAt ? caseSubmittedAt : outageStartedAt;
  return outagePauseMs(start, outageEndedAt);
}

/** A site back in service for less than this and failing again continues the same incident. */
export const OUTAGE_REOPEN_WINDOW_MS = 15 * 60 * 1000;

/** Whether a new failure continues the previous incident (flapping) rather than starting one. */
export function continuesPreviousOutage(previousEndedAt: Date | null, failedAt: Date, windowMs = OUTAGE_REOPEN_WINDOW_MS): boolean {
  if (!previousEndedAt) return false;
  const gap = failedAt.getTime() - previousEndedAt.getTime();
  return gap >= 0 && gap <= windowMs;
}
