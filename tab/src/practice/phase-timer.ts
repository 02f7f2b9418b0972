import { practicePhases } from '../../../src/contracts/practice.js';

/** A stopwatch over the practice's phases: time banked while paused, and when it last started. */
export interface PhaseTimer {
  readonly bankedMs: number;
  /** The clock reading it last started at; undefined while paused. */
  readonly runningSince: number | undefined;
}

export const newTimer: PhaseTimer = { bankedMs: 0, runningSince: undefined };

const minuteMs = 60_000;
const phaseEnds = practicePhases.reduce<number[]>(
  (ends, phase) => [...ends, (ends.at(-1) ?? 0) + phase.minutes * minuteMs],
  [],
);
export const totalMs = phaseEnds.at(-1) ?? 0;

export function elapsedOf(timer: PhaseTimer, now: number): number {
  const running = timer.runningSince === undefined ? 0 : Math.max(0, now - timer.runningSince);
  return Math.min(totalMs, timer.bankedMs + running);
}

export function isRunning(timer: PhaseTimer): boolean {
  return timer.runningSince !== undefined;
}

export function startTimer(timer: PhaseTimer, now: number): PhaseTimer {
  return isRunning(timer) ? timer : { ...timer, runningSince: now };
}

export function pauseTimer(timer: PhaseTimer, now: number): PhaseTimer {
  return { bankedMs: elapsedOf(timer, now), runningSince: undefined };
}

/** Where the practice stands: the phase under way and the time left in it. */
export interface PhasePosition {
  /** The phase's index in `practicePhases`; equal to their number once all are over. */
  readonly index: number;
  readonly remainingMs: number;
  readonly done: boolean;
}

export function phaseAt(elapsedMs: number): PhasePosition {
  const index = phaseEnds.findIndex((end) => elapsedMs < end);
  if (index === -1) return { index: practicePhases.length, remainingMs: 0, done: true };
  return { index, remainingMs: (phaseEnds[index] ?? 0) - elapsedMs, done: false };
}

/** Skips the rest of the current phase, running or paused as before. */
export function skipPhase(timer: PhaseTimer, now: number): PhaseTimer {
  const { index, done } = phaseAt(elapsedOf(timer, now));
  if (done) return timer;
  const bankedMs = phaseEnds[index] ?? totalMs;
  return { bankedMs, runningSince: isRunning(timer) ? now : undefined };
}

/** "4:05": minutes and seconds left, rounded up so 0:00 shows only when time is up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
