import { describe, expect, it } from 'vitest';
import {
  clockText,
  elapsedOf,
  newTimer,
  pauseTimer,
  phaseAt,
  skipPhase,
  startTimer,
  totalMs,
} from './phase-timer.js';

const minute = 60_000;

describe('the practice phase timer', () => {
  it('should run through try (5), share (10) and capture (5) in 20 minutes', () => {
    expect(totalMs).toBe(20 * minute);
    expect(phaseAt(0)).toEqual({ index: 0, remainingMs: 5 * minute, done: false });
    expect(phaseAt(5 * minute)).toEqual({ index: 1, remainingMs: 10 * minute, done: false });
    expect(phaseAt(19 * minute)).toEqual({ index: 2, remainingMs: minute, done: false });
    expect(phaseAt(20 * minute)).toEqual({ index: 3, remainingMs: 0, done: true });
  });

  it('should count only the time it ran, across a pause', () => {
    const started = startTimer(newTimer, 1_000);
    const paused = pauseTimer(started, 1_000 + 2 * minute);
    expect(elapsedOf(paused, 1_000 + 9 * minute)).toBe(2 * minute);
    const resumed = startTimer(paused, 10 * minute);
    expect(elapsedOf(resumed, 11 * minute)).toBe(3 * minute);
  });

  it('should not restart the clock when started twice', () => {
    const started = startTimer(newTimer, 0);
    expect(startTimer(started, minute)).toBe(started);
  });

  it('should stop at 20 minutes however long it is left running', () => {
    expect(elapsedOf(startTimer(newTimer, 0), 90 * minute)).toBe(totalMs);
  });

  it('should skip to the start of the next phase and keep running or paused', () => {
    const running = skipPhase(startTimer(newTimer, 0), minute);
    expect(elapsedOf(running, minute)).toBe(5 * minute);
    expect(running.runningSince).toBe(minute);
    const paused = skipPhase(pauseTimer(running, 2 * minute), 3 * minute);
    expect(elapsedOf(paused, 60 * minute)).toBe(15 * minute);
  });

  it('should show the time left as minutes and seconds, rounded up', () => {
    expect(clockText(5 * minute)).toBe('5:00');
    expect(clockText(4 * minute + 4_001)).toBe('4:05');
    expect(clockText(0)).toBe('0:00');
  });
});
