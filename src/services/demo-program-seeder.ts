import type { UsageEventInput } from '../contracts/adoption.js';
import type { FlagCategory, FlagResolution, ImprovementStatus } from '../contracts/feedback.js';
import type { Lesson } from '../contracts/lessons.js';
import type { Person } from '../contracts/people.js';
import type { Prompt } from '../contracts/prompts.js';
import type { WorkflowTask } from '../contracts/workflows.js';
import {
  demoChance,
  demoMomentIn,
  demoProgramWeeks,
  demoPulseMinutes,
  planDemoProgram,
  type PlannedWeek,
} from '../domain/demo-program.js';
import { demoFixedPeople, demoTenantId } from '../domain/demo-tenant.js';
import { isoWeekOf, weekStart, weeksEndingWith } from '../domain/iso-week.js';
import type { Caller } from './caller.js';
import { demoCallerOf } from './demo-library-seeder.js';
import type { FlagService } from './flag-service.js';
import type { ImprovementService } from './improvement-service.js';
import type { LearningService } from './learning-service.js';
import type { PracticeService } from './practice-service.js';
import type { PromptService } from './prompt-service.js';
import type { UsageIngest } from './usage-ingest.js';

/**
 * The services the demo program is written through, composed over the real store with a clock the
 * seeder moves through the eight weeks: each write happens "in" its week, as people would make it.
 */
export interface DemoProgramPorts {
  readonly setClock: (moment: Date) => void;
  readonly roster: { listAll(tenantId: string): Promise<Person[]> };
  readonly library: {
    listPrompts(tenantId: string): Promise<Prompt[]>;
    listTasks(tenantId: string): Promise<WorkflowTask[]>;
    publishedLessons(tenantId: string, jobFamilyId: string): Promise<Lesson[]>;
  };
  readonly ingest: Pick<UsageIngest, 'ingest'>;
  readonly prompts: Pick<PromptService, 'recordUse'>;
  readonly learning: Pick<LearningService, 'answer'>;
  readonly practice: Pick<PracticeService, 'start' | 'attend'>;
  readonly flags: Pick<FlagService, 'raise' | 'assign' | 'startReview' | 'resolve'>;
  readonly improvements: Pick<ImprovementService, 'suggest' | 'setStatus'>;
  readonly pulses?: {
    answer(
      caller: Caller,
      request: { taskId: string; minutes: number; aiHelped: boolean },
    ): Promise<unknown>;
  };
  readonly marker: {
    has(tenantId: string, name: string): Promise<boolean>;
    set(tenantId: string, name: string, at: Date): Promise<void>;
  };
}

export interface DemoProgramResult {
  readonly seeded: boolean;
  readonly usageEvents: number;
  readonly lessonsCompleted: number;
  readonly practiceAttendance: number;
  readonly flags: number;
  readonly improvements: number;
  readonly pulses: number;
}

/** The marker a complete demo program seed leaves (`seed:demo-program`). */
export const demoProgramMarker = 'demo-program';

/**
 * The three people of the contract start with a clean slate (no lessons, practice, pulses, flags
 * or suggestions), so whoever tries the demo as them sees a first run; they still count as active
 * users where the plan has them.
 */
const fixedUpns = new Set<string>(Object.values(demoFixedPeople).map((person) => person.upn));
const isFixed = (person: Person): boolean => fixedUpns.has(person.upn);
const parallelism = 12;
const improvementCount = 47;
const hourMs = 3_600_000;

async function inParallel<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) await work(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, items.length) }, worker));
}

const usageTools = [
  { source: 'copilot', tool: 'Microsoft 365 Copilot' },
  { source: 'copilot', tool: 'Copilot in Teams' },
  { source: 'api', tool: 'Azure OpenAI assistant' },
  { source: 'chatgpt', tool: 'ChatGPT Enterprise' },
] as const;

/**
 * Seeds the demo firm's eight-week program (ending with the week of `now`) into an empty store:
 * usage through the ingest API's path, prompt insertions, lesson answers, practice attendance,
 * pulses, flags with their reviewers and outcomes, and 47 suggested improvements. Everything the
 * scoreboard and checkpoint show is counted from these writes. Runs once (a marker records it);
 * every write has a deterministic id, so a seed interrupted midway finishes on the next start.
 */
export async function seedDemoProgram(
  ports: DemoProgramPorts,
  now: Date,
): Promise<DemoProgramResult> {
  const none = {
    seeded: false,
    usageEvents: 0,
    lessonsCompleted: 0,
    practiceAttendance: 0,
    flags: 0,
    improvements: 0,
    pulses: 0,
  };
  if (await ports.marker.has(demoTenantId, demoProgramMarker)) return none;
  const people = await ports.roster.listAll(demoTenantId);
  const [prompts, tasks] = await Promise.all([
    ports.library.listPrompts(demoTenantId),
    ports.library.listTasks(demoTenantId),
  ]);
  const published = prompts.filter((prompt) => prompt.status === 'published');
  const weeks = weeksEndingWith(isoWeekOf(now), demoProgramWeeks);
  const plan = planDemoProgram(people, weeks).map((week): PlannedWeek => ({
    ...week,
    learners: week.learners.filter((person) => !isFixed(person)),
    practice: new Map(
      [...week.practice].map(([id, attendees]) => [
        id,
        attendees.filter((person) => !isFixed(person)),
      ]),
    ),
  }));
  /** No write may claim to happen after the seed itself. */
  const at = (moment: Date): Date => (moment.getTime() < now.getTime() ? moment : now);

  const usageEvents = await seedUsage(ports, plan, published, at);
  const lessonsCompleted = await seedLessons(ports, plan, people, at);
  const practiceAttendance = await seedPractice(ports, plan, people, at);
  const pulses = await seedPulses(ports, plan, people, tasks, at);
  const flags = await seedFlags(ports, plan, people, published, tasks, at);
  const improvements = await seedImprovements(ports, plan, people, tasks, at);

  ports.setClock(now);
  await ports.marker.set(demoTenantId, demoProgramMarker, now);
  return {
    seeded: true,
    usageEvents,
    lessonsCompleted,
    practiceAttendance,
    flags,
    improvements,
    pulses,
  };
}

/** AI use from the tools, through the ingest API's path, and some prompt insertions from the library. */
async function seedUsage(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  published: readonly Prompt[],
  at: (moment: Date) => Date,
): Promise<number> {
  const events: UsageEventInput[] = [];
  const inserts: { person: Person; prompt: Prompt; occurredAt: Date; key: string }[] = [];
  for (const { week, active } of plan) {
    const start = weekStart(week);
    for (const { person, events: count } of active) {
      for (let index = 0; index < count; index += 1) {
        const key = `${person.id}:${week}:${String(index)}`;
        const tool = usageTools[Math.floor(demoChance(`tool:${key}`) * usageTools.length)];
        if (tool === undefined) continue;
        events.push({
          id: `demo:${key}`,
          userId: person.id,
          occurredAt: at(demoMomentIn(start, key)).toISOString(),
          source: tool.source,
          tool: tool.tool,
        });
      }
      const forJob = published.filter((prompt) => prompt.jobFamilyIds.includes(person.jobFamilyId));
      if (forJob.length > 0 && demoChance(`insert:${person.id}:${week}`) < 0.15) {
        const prompt = forJob[Math.floor(demoChance(`which:${person.id}:${week}`) * forJob.length)];
        if (prompt !== undefined) {
          const key = `${person.id}:${week}:insert`;
          inserts.push({ person, prompt, occurredAt: at(demoMomentIn(start, key)), key });
        }
      }
    }
  }
  let accepted = 0;
  for (let start = 0; start < events.length; start += 1000) {
    const result = await ports.ingest.ingest(demoTenantId, events.slice(start, start + 1000));
    if (result.rejected.length > 0) {
      throw new Error(`The demo usage was refused: ${JSON.stringify(result.rejected[0])}`);
    }
    accepted += result.accepted + result.duplicates;
  }
  await inParallel(inserts, async ({ person, prompt, occurredAt, key }) => {
    await ports.prompts.recordUse(demoCallerOf(person), prompt.id, {
      eventId: `demo:${key}`,
      occurredAt,
      kind: 'insert',
    });
  });
  return accepted + inserts.length;
}

/** Each week's lesson, answered in that week by the people the plan says took it. */
async function seedLessons(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  people: readonly Person[],
  at: (moment: Date) => Date,
): Promise<number> {
  const families = [...new Set(people.map((person) => person.jobFamilyId))];
  const lessons = new Map(
    await Promise.all(
      families.map(
        async (family) =>
          [family, await ports.library.publishedLessons(demoTenantId, family)] as const,
      ),
    ),
  );
  let completed = 0;
  for (const { week, index, learners } of plan) {
    // Lessons are answered mid-week; the clock stands on the Wednesday of the week.
    ports.setClock(at(new Date(weekStart(week).getTime() + 2 * 24 * hourMs + 10 * hourMs)));
    await inParallel(learners, async (person) => {
      const lesson = lessons
        .get(person.jobFamilyId)
        ?.find((candidate) => candidate.week === index + 1);
      if (lesson === undefined) return;
      const correct = lesson.check.options.find((option) => option.correct);
      const option =
        demoChance(`answer:${person.id}:${lesson.id}`) < 0.8 || correct === undefined
          ? correct
          : lesson.check.options.find((candidate) => !candidate.correct);
      if (option === undefined) return;
      const result = await ports.learning.answer(demoCallerOf(person), lesson.id, {
        answerId: option.id,
        reflection: '',
      });
      if (!result.alreadyDone) completed += 1;
    });
  }
  return completed;
}

/** A weekly practice per department, started by its lead in the team meeting, with attendees. */
async function seedPractice(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  people: readonly Person[],
  at: (moment: Date) => Date,
): Promise<number> {
  let attended = 0;
  for (const { week, practice } of plan) {
    ports.setClock(at(new Date(weekStart(week).getTime() + 3 * 24 * hourMs + 14 * hourMs)));
    // Sessions run side by side; within one, people mark attendance one after another, as the
    // session's count is kept with ETags and a crowd of simultaneous writers would only retry.
    await inParallel([...practice], async ([departmentId, attendees]) => {
      const lead = people.find(
        (person) =>
          person.departmentId === departmentId && person.role === 'lead' && !isFixed(person),
      );
      if (lead === undefined || attendees.length === 0) return;
      const { session } = await ports.practice.start(demoCallerOf(lead), {
        id: `19:demo-team-meeting-${departmentId}@thread.v2`,
        kind: 'meeting',
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
      });
      for (const person of attendees) {
        const { counted } = await ports.practice.attend(demoCallerOf(person), session.id);
        if (counted) attended += 1;
      }
    });
  }
  return attended;
}

/** The weekly pulse: about a quarter of eligible people say how long a mapped task took them. */
async function seedPulses(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  people: readonly Person[],
  tasks: readonly WorkflowTask[],
  at: (moment: Date) => Date,
): Promise<number> {
  const pulses = ports.pulses;
  if (pulses === undefined) return 0;
  let answered = 0;
  for (const { week, index, active } of plan) {
    ports.setClock(at(new Date(weekStart(week).getTime() + 4 * 24 * hourMs + 11 * hourMs)));
    const users = new Set(active.map(({ person }) => person.id));
    const askedFor = people.filter(
      (person) =>
        person.eligible && !isFixed(person) && demoChance(`pulse:${person.id}:${week}`) < 0.25,
    );
    await inParallel(askedFor, async (person) => {
      const ownTasks = tasks.filter((task) => task.departmentId === person.departmentId);
      const task = ownTasks[Math.floor(demoChance(`pulse-task:${person.id}`) * ownTasks.length)];
      if (task === undefined) return;
      const usedAi = users.has(person.id);
      await pulses.answer(demoCallerOf(person), {
        taskId: task.id,
        // Time falls for those who use AI; the rest report the task as it always was.
        minutes: demoPulseMinutes(
          task.baselineMinutes,
          person.departmentId,
          usedAi ? index : 0,
          `${person.id}:${week}`,
        ),
        aiHelped: usedAi && demoChance(`helped:${person.id}:${week}`) < 0.8,
      });
      answered += 1;
    });
  }
  return answered;
}

const flagTexts: readonly { category: FlagCategory; output: string; expected: string }[] = [
  {
    category: 'wrong',
    output: 'The summary says revenue grew 14% year on year; the source deck says 4%.',
    expected: 'Figures copied exactly from the source, or marked as unknown.',
  },
  {
    category: 'unhelpful',
    output:
      'Here are some general tips for writing a proposal: be clear, be concise, know your audience.',
    expected: 'A first draft built from the client brief I pasted, not generic advice.',
  },
  {
    category: 'wrong',
    output: 'According to the 2025 Gartner report, 92% of firms in the sector use AI daily.',
    expected: 'No invented sources: the report and the figure do not exist.',
  },
  {
    category: 'biased',
    output:
      'The candidate summary describes her as "emotional" and him as "passionate" for the same feedback.',
    expected: 'The same words for the same behaviour, whoever it is about.',
  },
  {
    category: 'unsafe',
    output: 'The reply pasted the client’s bank details into a draft email to a third party.',
    expected: 'Confidential client data never copied into outgoing drafts.',
  },
  {
    category: 'unhelpful',
    output: 'The meeting notes list every sentence said instead of the decisions and actions.',
    expected: 'Decisions, owners and dates, in that order, on one page.',
  },
  {
    category: 'other',
    output: 'The answer switched to US spelling and dollar amounts halfway through a UK report.',
    expected: 'UK spelling and pounds throughout, as the style guide says.',
  },
];

const resolutionPlan = [
  'prompt-adjusted',
  'workflow-changed',
  'escalated-to-vendor',
  'dismissed',
  'prompt-adjusted',
  'in-review',
  'prompt-adjusted',
  'open',
  'escalated-to-vendor',
  'workflow-changed',
] as const;

/**
 * Flags on AI output, most linked to the library prompt that produced it (one prompt far more than
 * the rest, for the checkpoint to point at). Each gets a reviewer; most are resolved with an
 * outcome, and the flagger is told through the delivery queue.
 */
async function seedFlags(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  people: readonly Person[],
  published: readonly Prompt[],
  tasks: readonly WorkflowTask[],
  at: (moment: Date) => Date,
): Promise<number> {
  const champion = people.find((person) => person.upn === demoFixedPeople.champion.upn);
  if (champion === undefined || published.length === 0) return 0;
  const triage = demoCallerOf(champion).identity;
  const troublesome = published[Math.floor(published.length / 3)] ?? published[0];
  let raised = 0;
  for (const { week, index, active } of plan) {
    if (index === 0) continue;
    const flaggers = active
      .filter(({ person }) => !isFixed(person))
      .filter(({ person }) => demoChance(`flag:${person.id}:${week}`) < 0.012)
      .slice(0, 6);
    for (const [position, { person }] of flaggers.entries()) {
      const key = `${week}:${String(position)}`;
      const text = flagTexts[Math.floor(demoChance(`flag-text:${key}`) * flagTexts.length)];
      if (text === undefined) continue;
      const forJob = published.filter((prompt) => prompt.jobFamilyIds.includes(person.jobFamilyId));
      // One flag in three is about the same prompt: the one the checkpoint should point at.
      const prompt =
        raised % 3 === 0
          ? troublesome
          : forJob[Math.floor(demoChance(`flag-which:${key}`) * forJob.length)];
      const raisedAt = at(demoMomentIn(weekStart(week), `flag:${key}`));
      ports.setClock(raisedAt);
      const flag = await ports.flags.raise(demoCallerOf(person), {
        source: demoChance(`flag-source:${key}`) < 0.6 ? 'message-action' : 'prompt-card',
        category: text.category,
        expected: text.expected,
        outputText: text.output,
        promptId: prompt?.id,
        sourceEventId: `demo-${key}`,
      });
      raised += 1;
      // The latest week's flags are still fresh: some wait for their reviewer.
      const step =
        index === plan.length - 1 && position % 2 === 0
          ? 'open'
          : (resolutionPlan[(raised - 1) % resolutionPlan.length] ?? 'open');
      if (flag.reviewerId === undefined) {
        await ports.flags.assign(triage, flag.id, champion.id);
      }
      // A seed interrupted earlier may have taken this flag some of the way already.
      if (step === 'open' || flag.state === 'resolved') continue;
      if (flag.state === 'open') {
        ports.setClock(at(new Date(raisedAt.getTime() + (4 + (raised % 20)) * hourMs)));
        await ports.flags.startReview(triage, flag.id);
      }
      if (step === 'in-review') continue;
      ports.setClock(at(new Date(raisedAt.getTime() + (26 + (raised % 5) * 18) * hourMs)));
      await ports.flags.resolve(triage, flag.id, resolutionFor(step, prompt, tasks, person, key));
    }
  }
  return raised;
}

function resolutionFor(
  action: 'prompt-adjusted' | 'workflow-changed' | 'escalated-to-vendor' | 'dismissed',
  prompt: Prompt | undefined,
  tasks: readonly WorkflowTask[],
  person: Person,
  key: string,
): FlagResolution {
  const task = tasks.find((candidate) => candidate.departmentId === person.departmentId);
  if (action === 'prompt-adjusted' && prompt !== undefined) {
    return {
      action,
      promptId: prompt.id,
      promptVersion: prompt.version,
      note: 'Added an instruction to quote figures only from the pasted source.',
    };
  }
  if (action === 'workflow-changed' && task !== undefined) {
    return {
      action,
      taskId: task.id,
      note: 'Added a human check of client data before anything leaves the team.',
    };
  }
  if (action === 'escalated-to-vendor' || action === 'prompt-adjusted') {
    return {
      action: 'escalated-to-vendor',
      vendor: 'Microsoft 365 Copilot',
      reference: `CASE-${String(1000 + Math.floor(demoChance(`case:${key}`) * 9000))}`,
      note: 'Reproduced with the prompt alone; sent to the vendor with the example.',
    };
  }
  return {
    action: 'dismissed',
    note: 'The output matched the instructions given; the prompt was used for a different task.',
  };
}

const improvementIdeas: readonly ((task: string) => { title: string; detail: string })[] = [
  (task) => ({
    title: `Start ${task} from a shared template`,
    detail: `Keep a library prompt that drafts the first version of "${task}", so nobody starts from a blank page.`,
  }),
  (task) => ({
    title: `Drop the manual copy step in ${task}`,
    detail: `We paste the same notes into three places during "${task}"; one summary could feed all three.`,
  }),
  (task) => ({
    title: `Add a review checklist to ${task}`,
    detail: `AI drafts for "${task}" need a quick human check of figures and names; a checklist would make it routine.`,
  }),
  (task) => ({
    title: `Let AI prepare the brief for ${task}`,
    detail: `Before "${task}", an AI summary of the last meeting and open actions would save the first half hour.`,
  }),
  (task) => ({
    title: `Move ${task} hand-off into the team channel`,
    detail: `The hand-off in "${task}" waits on email; posting the AI summary in the channel would cut the wait.`,
  }),
];

const improvementOutcomes: readonly {
  status: ImprovementStatus;
  note?: string;
  vendor?: string;
}[] = [
  { status: 'new' },
  { status: 'planned', note: 'Agreed with the team leads; trying it next sprint.' },
  { status: 'done', note: 'In the workflow since this week.' },
  { status: 'pushed-to-vendor', vendor: 'Microsoft 365 Copilot', note: 'Needs a product change.' },
  { status: 'new' },
  { status: 'done', note: 'The library prompt is published.' },
  { status: 'declined', note: 'The client contract rules this out.' },
  { status: 'planned', note: 'Part of the next workflow mapping session.' },
];

/** Forty-seven improvements people suggested over the weeks; the champion decides on most. */
async function seedImprovements(
  ports: DemoProgramPorts,
  plan: readonly PlannedWeek[],
  people: readonly Person[],
  tasks: readonly WorkflowTask[],
  at: (moment: Date) => Date,
): Promise<number> {
  const champion = people.find((person) => person.upn === demoFixedPeople.champion.upn);
  const suggesters = plan.flatMap(({ week, index, active }) =>
    active
      .filter(({ person }) => !isFixed(person))
      .filter(({ person }) => demoChance(`suggest:${person.id}:${week}`) < 0.012 * (index + 1))
      .map(({ person }) => ({ person, week })),
  );
  const chosen = suggesters
    .sort(
      (a, b) =>
        demoChance(`order:${a.person.id}:${a.week}`) - demoChance(`order:${b.person.id}:${b.week}`),
    )
    .slice(0, improvementCount)
    .sort((a, b) => a.week.localeCompare(b.week));
  let suggested = 0;
  for (const [position, { person, week }] of chosen.entries()) {
    const ownTasks = tasks.filter((task) => task.departmentId === person.departmentId);
    const task = ownTasks[position % Math.max(1, ownTasks.length)];
    const idea = improvementIdeas[position % improvementIdeas.length];
    if (idea === undefined) continue;
    const { title, detail } = idea(task?.name ?? 'weekly reporting');
    const suggestedAt = at(demoMomentIn(weekStart(week), `suggest:${person.id}`));
    ports.setClock(suggestedAt);
    const view = await ports.improvements.suggest(
      demoCallerOf(person),
      { title: title.slice(0, 120), detail, ...(task === undefined ? {} : { taskId: task.id }) },
      { sourceEventId: `demo-${String(position)}` },
    );
    suggested += 1;
    const outcome = improvementOutcomes[position % improvementOutcomes.length];
    if (champion === undefined || outcome === undefined || outcome.status === view.status) continue;
    ports.setClock(at(new Date(suggestedAt.getTime() + 3 * 24 * hourMs)));
    await ports.improvements.setStatus(
      demoCallerOf(champion).identity,
      view.id,
      { status: outcome.status, note: outcome.note, vendor: outcome.vendor },
      view.etag,
    );
  }
  return suggested;
}
