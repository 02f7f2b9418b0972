import { Button, Text } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import { practicePhases } from '../../../src/contracts/practice.js';
import {
  clockText,
  elapsedOf,
  isRunning,
  newTimer,
  pauseTimer,
  phaseAt,
  skipPhase,
  startTimer,
  type PhaseTimer,
} from './phase-timer.js';
import { usePracticeStyles } from './practice.styles.js';

const tickMs = 1000;

/**
 * A timer for the three phases, kept in this browser only: whoever shares their screen or keeps
 * time runs it; nobody else's panel is affected.
 */
export function PhaseTimerPanel(): JSX.Element {
  const styles = usePracticeStyles();
  const [timer, setTimer] = useState<PhaseTimer>(newTimer);
  const [now, setNow] = useState(() => Date.now());
  const running = isRunning(timer);

  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(interval);
  }, [running]);

  const elapsed = elapsedOf(timer, now);
  const position = phaseAt(elapsed);
  const current = practicePhases[position.index];
  const act = (change: (timer: PhaseTimer, at: number) => PhaseTimer): void => {
    const at = Date.now();
    setNow(at);
    setTimer((previous) => change(previous, at));
  };
  // The practice is over once the last phase runs out; the clock stops with it.
  useEffect(() => {
    if (position.done && running) setTimer((previous) => pauseTimer(previous, Date.now()));
  }, [position.done, running]);

  return (
    <div role="group" aria-labelledby="phase-timer-title" className={styles.section}>
      <Text as="h4" id="phase-timer-title" size={400} weight="semibold" className={styles.heading}>
        Phase timer
      </Text>
      <ol className={styles.phases}>
        {practicePhases.map((phase, index) => (
          <li
            key={phase.id}
            aria-current={index === position.index ? 'step' : undefined}
            className={index === position.index ? styles.currentPhase : undefined}
          >
            {phase.label} · {phase.minutes} minutes
          </li>
        ))}
      </ol>
      <Text role="status" weight="semibold">
        {current
          ? `${current.label}${running ? '' : elapsed === 0 ? ': not started' : ': paused'}`
          : 'Practice done: thanks, everyone.'}
      </Text>
      {current ? (
        <Text role="timer" aria-label={`Time left in ${current.label}`} className={styles.clock}>
          {clockText(position.remainingMs)}
        </Text>
      ) : null}
      <div className={styles.actions}>
        {running ? (
          <Button appearance="primary" onClick={() => act(pauseTimer)}>
            Pause
          </Button>
        ) : (
          <Button appearance="primary" disabled={position.done} onClick={() => act(startTimer)}>
            {elapsed === 0 ? 'Start' : 'Resume'}
          </Button>
        )}
        <Button disabled={position.done} onClick={() => act(skipPhase)}>
          Next phase
        </Button>
        <Button disabled={elapsed === 0 && !running} onClick={() => act(() => newTimer)}>
          Reset
        </Button>
      </div>
    </div>
  );
}
PhaseTimerPanel.displayName = 'PhaseTimerPanel';
