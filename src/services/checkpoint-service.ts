import type { IsoWeek } from '../contracts/activity.js';
import type { Checkpoint, PulseAnswer, Scoreboard } from '../contracts/adoption.js';
import type { FlagStats, ImprovementCounts } from '../contracts/feedback.js';
import type { ProgramSettings } from '../contracts/program.js';
import type { WorkflowTask } from '../contracts/workflows.js';
import {
  checkpointWeeks,
  comparedWeeks,
  diagnose,
  taskFigures,
} from '../domain/checkpoint-maths.js';
import { AppError } from '../domain/errors.js';
import { addWeeks, isoWeekOf, weeksEndingWith } from '../domain/iso-week.js';
import { percentage } from '../domain/scoreboard-maths.js';

export interface CheckpointPorts {
  readonly program: {
    getSettings(tenantId: string): Promise<{ value: ProgramSettings } | undefined>;
  };
  readonly scoreboard: {
    forWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<Scoreboard>;
  };
  readonly tasks: { list(tenantId: string): Promise<WorkflowTask[]> };
  readonly pulses: {
    listWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<PulseAnswer[]>;
  };
  readonly flags: { stats(tenantId: string): Promise<FlagStats> };
  readonly improvements: { counts(tenantId: string): Promise<ImprovementCounts> };
  readonly prompts: { titleOf(tenantId: string, promptId: string): Promise<string | undefined> };
}

const dayMs = 86_400_000;

/**
 * The honest 90-day checkpoint: not only whether AI is used (weekly active use at the start and
 * now) but whether the work changed (time per mapped task from the weekly pulse, first weeks
 * against last, with sample sizes), what people flagged and suggested, and where to look next.
 */
export class CheckpointService {
  constructor(
    private readonly ports: CheckpointPorts,
    private readonly now: () => Date,
  ) {}

  async checkpoint(tenantId: string): Promise<Checkpoint> {
    const settings = (await this.ports.program.getSettings(tenantId))?.value;
    if (settings === undefined) {
      throw new AppError(
        'not-found',
        'The program has not been set up yet: set its start date first',
      );
    }
    const now = this.now();
    const started = new Date(`${settings.programStart}T00:00:00Z`);
    if (started.getTime() > now.getTime()) {
      throw new AppError(
        'conflict',
        `The program starts on ${settings.programStart}; the checkpoint has nothing to show yet`,
      );
    }
    const startWeek = isoWeekOf(started);
    const lastWeek = addWeeks(startWeek, checkpointWeeks - 1);
    const currentWeek = isoWeekOf(now);
    const nowWeek = currentWeek < lastWeek ? currentWeek : lastWeek;
    const weeks: IsoWeek[] = [];
    for (let week = startWeek; weeks.length < checkpointWeeks; week = addWeeks(week, 1)) {
      weeks.push(week);
      if (week === nowWeek) break;
    }
    const baselineWeeks = weeks.slice(0, comparedWeeks);
    const recentWeeks = weeksEndingWith(nowWeek, Math.min(comparedWeeks, weeks.length));

    const [board, tasks, answers, flagStats, improvementCounts] = await Promise.all([
      this.ports.scoreboard.forWeeks(tenantId, weeks),
      this.ports.tasks.list(tenantId),
      this.ports.pulses.listWeeks(tenantId, [...new Set([...baselineWeeks, ...recentWeeks])]),
      this.ports.flags.stats(tenantId),
      this.ports.improvements.counts(tenantId),
    ]);
    const topPrompts = await Promise.all(
      flagStats.byPrompt.slice(0, 5).map(async ({ promptId, count }) => ({
        promptId,
        title: (await this.ports.prompts.titleOf(tenantId, promptId)) ?? promptId,
        flags: count,
      })),
    );
    const lessonsDue = weeks.length;
    const draft: Omit<Checkpoint, 'diagnosis'> = {
      programStart: settings.programStart,
      weeks,
      startWeek,
      nowWeek,
      daysIn: Math.floor((now.getTime() - started.getTime()) / dayMs),
      targetPct: board.targetPct,
      minGroupSize: board.minGroupSize,
      overall: {
        eligible: board.overall.eligible,
        wauPctStart: board.overall.wauPct[0] ?? 0,
        wauPctNow: board.overall.wauPct.at(-1) ?? 0,
      },
      departments: board.departments.map((department) =>
        department.suppressed
          ? { id: department.id, name: department.name, suppressed: true }
          : {
              id: department.id,
              name: department.name,
              suppressed: false,
              eligible: department.eligible ?? 0,
              wauPctStart: department.wauPct?.[0] ?? 0,
              wauPctNow: department.wauPct?.at(-1) ?? 0,
              lessonCompletionPct: percentage(
                (department.lessonsCompleted ?? []).reduce((total, count) => total + count, 0),
                (department.eligible ?? 0) * lessonsDue,
              ),
            },
      ),
      tasks: taskFigures(
        tasks,
        answers,
        { baseline: baselineWeeks, now: recentWeeks },
        board.minGroupSize,
      ),
      flags: {
        raised: flagStats.raised,
        resolved: flagStats.resolved,
        open: flagStats.open + flagStats.inReview,
        byOutcome: flagStats.byOutcome,
        ...(flagStats.medianHoursToResolution === undefined
          ? {}
          : { medianHoursToResolution: flagStats.medianHoursToResolution }),
        topPrompts,
      },
      improvements: {
        suggested: improvementCounts.suggested,
        byStatus: improvementCounts.byStatus,
        pushedToVendor: improvementCounts.pushedToVendor,
      },
    };
    const titles = new Map(topPrompts.map((prompt) => [prompt.promptId, prompt.title]));
    return { ...draft, diagnosis: diagnose(draft, titles) };
  }
}
