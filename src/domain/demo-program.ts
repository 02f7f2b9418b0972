import type { IsoWeek } from '../contracts/activity.js';
import type { Person } from '../contracts/people.js';

/**
 * The demo firm's eight-week program, as a plan of what people did: who used AI in which week, who
 * took the week's lesson and practised, and how long their tasks took. The demo seeder drives the
 * real write paths with it (ingest, lesson answers, practice attendance, pulses), so every figure
 * on the scoreboard is counted from those writes, never stored.
 *
 * The shape follows the model case: weekly active use goes from about 22% to about 71% of eligible
 * people in eight weeks. Departments differ; Risk and Compliance is the straggler (low use, few
 * lessons, falling in the last week); Client Development uses AI more but its task times stay flat.
 */

export const demoProgramWeeks = 8;

interface DepartmentCurve {
  /** Weekly active share of eligible people, in percent, for each of the eight weeks. */
  readonly wauPct: readonly number[];
  /** Share of the week's learners who take the week's lesson. */
  readonly lessonRate: number;
  /** Share of active people who attend the team's weekly practice. */
  readonly practiceRate: number;
  /** Minutes a mapped task takes by the last week, against the first (1 = no change). */
  readonly timeRatio: number;
}

/** An S-curve from `start` to `end` percent over the eight weeks. */
function sCurve(start: number, end: number): number[] {
  return Array.from({ length: demoProgramWeeks }, (_, week) => {
    const t = week / (demoProgramWeeks - 1);
    return start + (end - start) * (3 * t * t - 2 * t * t * t);
  });
}

export const demoStragglerDepartmentId = 'risk-compliance';
export const demoFlatTimeDepartmentId = 'client-development';

const curves: Readonly<Record<string, DepartmentCurve>> = {
  'strategy-consulting': {
    wauPct: sCurve(24, 78),
    lessonRate: 0.6,
    practiceRate: 0.42,
    timeRatio: 0.68,
  },
  'technology-consulting': {
    wauPct: sCurve(30, 80),
    lessonRate: 0.61,
    practiceRate: 0.39,
    timeRatio: 0.65,
  },
  'financial-advisory': {
    wauPct: sCurve(20, 74),
    lessonRate: 0.54,
    practiceRate: 0.36,
    timeRatio: 0.74,
  },
  [demoStragglerDepartmentId]: {
    wauPct: [14, 17, 21, 26, 31, 36, 40, 36],
    lessonRate: 0.17,
    practiceRate: 0.12,
    timeRatio: 0.95,
  },
  'research-insights': {
    wauPct: sCurve(28, 79),
    lessonRate: 0.64,
    practiceRate: 0.43,
    timeRatio: 0.62,
  },
  [demoFlatTimeDepartmentId]: {
    wauPct: sCurve(22, 75),
    lessonRate: 0.52,
    practiceRate: 0.36,
    timeRatio: 1,
  },
  'finance-operations': {
    wauPct: sCurve(16, 72),
    lessonRate: 0.49,
    practiceRate: 0.33,
    timeRatio: 0.78,
  },
  'people-talent': {
    wauPct: sCurve(18, 73),
    lessonRate: 0.51,
    practiceRate: 0.35,
    timeRatio: 0.76,
  },
};

const fallbackCurve: DepartmentCurve = {
  wauPct: sCurve(25, 75),
  lessonRate: 0.52,
  practiceRate: 0.36,
  timeRatio: 0.8,
};

/** A number in [0, 1) from text: the same on every run, different per key. */
export function demoChance(key: string): number {
  // cyrb53: a small, well-mixed string hash; 53 bits scaled into [0, 1).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) / 2 ** 53;
}

export interface PlannedWeek {
  readonly week: IsoWeek;
  /** 0 for the program's first week. */
  readonly index: number;
  /** People who used AI, with how many usage events each. */
  readonly active: readonly { readonly person: Person; readonly events: number }[];
  /** People who take this week's lesson. */
  readonly learners: readonly Person[];
  /** People who attend their team's practice, by department. */
  readonly practice: ReadonlyMap<string, readonly Person[]>;
}

/**
 * Who did what in each of the program's weeks. Eligible people of a department are ranked by a
 * fixed propensity; the top share (the department's weekly active percentage) is active, so early
 * adopters stay active and the curve rises as the rank cut moves down.
 */
export function planDemoProgram(
  people: readonly Person[],
  weeks: readonly IsoWeek[],
): PlannedWeek[] {
  const byDepartment = new Map<string, Person[]>();
  for (const person of people) {
    if (!person.eligible) continue;
    const members = byDepartment.get(person.departmentId) ?? [];
    members.push(person);
    byDepartment.set(person.departmentId, members);
  }
  for (const members of byDepartment.values()) {
    members.sort((a, b) => demoChance(`propensity:${a.id}`) - demoChance(`propensity:${b.id}`));
  }
  return weeks.map((week, index) => {
    const active: { person: Person; events: number }[] = [];
    const learners: Person[] = [];
    const practice = new Map<string, Person[]>();
    for (const [departmentId, members] of byDepartment) {
      const curve = curveOf(departmentId);
      const pct = curve.wauPct[index] ?? curve.wauPct.at(-1) ?? 0;
      const activeCount = Math.round((pct / 100) * members.length);
      const attending: Person[] = [];
      members.forEach((person, rank) => {
        const isActive = rank < activeCount;
        if (isActive) {
          active.push({
            person,
            events: demoChance(`events:${person.id}:${week}`) < 0.3 ? 2 : 1,
          });
          if (demoChance(`practice:${person.id}:${week}`) < curve.practiceRate)
            attending.push(person);
        }
        // Lessons go to everyone set up; the active take them more often than the rest.
        const lessonRate = isActive ? curve.lessonRate : curve.lessonRate * 0.35;
        if (demoChance(`lesson:${person.id}:${week}`) < lessonRate) learners.push(person);
      });
      practice.set(departmentId, attending);
    }
    return { week, index, active, learners, practice };
  });
}

export function curveOf(departmentId: string): DepartmentCurve {
  return curves[departmentId] ?? fallbackCurve;
}

/**
 * Minutes a person reports for a task in a program week: the task's baseline, shrinking towards the
 * department's time ratio as the weeks go by, with some spread between people.
 */
export function demoPulseMinutes(
  baselineMinutes: number,
  departmentId: string,
  weekIndex: number,
  key: string,
): number {
  const progress = weekIndex / (demoProgramWeeks - 1);
  const ratio = 1 + (curveOf(departmentId).timeRatio - 1) * progress;
  const spread = 0.85 + demoChance(`minutes:${key}`) * 0.3;
  return Math.max(1, Math.round(baselineMinutes * ratio * spread));
}

/** A weekday moment inside the week (Monday to Friday, 08:00 to 17:59 UTC). */
export function demoMomentIn(weekStart: Date, key: string): Date {
  const day = Math.floor(demoChance(`day:${key}`) * 5);
  const minute = Math.floor(demoChance(`minute:${key}`) * 600);
  return new Date(weekStart.getTime() + day * 86_400_000 + (8 * 60 + minute) * 60_000);
}
