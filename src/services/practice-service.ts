import type { Identity } from '../contracts/identity.js';
import type { JobFamily } from '../contracts/program.js';
import type { Lesson } from '../contracts/lessons.js';
import type {
  ConversationKind,
  DepartmentCounter,
  PracticeAttendance,
  PracticeSchedule,
  PracticeSession,
  PracticeSessionView,
} from '../contracts/practice.js';
import type { PromptView } from '../contracts/prompts.js';
import { inCurriculumOrder, programWeekOf } from '../domain/curriculum-schedule.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey } from '../domain/iso-week.js';
import {
  practiceAttendanceId,
  practiceScheduleId,
  practiceSessionId,
} from '../domain/learning-ids.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';

interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface PracticePorts {
  readonly practice: {
    findSession(tenantId: string, id: string): Promise<Stored<PracticeSession> | undefined>;
    createSessionIfAbsent(session: PracticeSession): Promise<{ created: boolean }>;
    replaceSession(session: PracticeSession, etag: string): Promise<Stored<PracticeSession>>;
    countAttendee(tenantId: string, sessionId: string): Promise<Stored<PracticeSession>>;
    listSessions(
      tenantId: string,
      filter: { conversationId?: string | undefined; week?: string | undefined },
    ): Promise<PracticeSession[]>;
    createAttendanceIfAbsent(attendance: PracticeAttendance): Promise<{ created: boolean }>;
    findSchedule(tenantId: string, id: string): Promise<PracticeSchedule | undefined>;
    saveSchedule(schedule: PracticeSchedule): Promise<void>;
    deleteSchedule(tenantId: string, id: string): Promise<boolean>;
  };
  readonly learners: {
    findProfile(
      tenantId: string,
      userId: string,
    ): Promise<{ value: { jobFamilyId: string; departmentId: string } } | undefined>;
    countPracticeAttended(tenantId: string, userId: string): Promise<void>;
  };
  readonly counters: {
    incrementDepartmentCounter(counter: Omit<DepartmentCounter, 'count'>): Promise<void>;
  };
  readonly lessons: {
    publishedFor(tenantId: string, jobFamilyId: string): Promise<Lesson[]>;
  };
  readonly program: {
    programStart(tenantId: string): Promise<string | undefined>;
    listJobFamilies(tenantId: string): Promise<JobFamily[]>;
  };
  readonly prompts: {
    propose(
      caller: Caller,
      content: { title: string; body: string; jobFamilyIds: string[]; taskIds: string[] },
      source: { kind: 'practice'; reference: string },
    ): Promise<PromptView>;
    titleOf(tenantId: string, promptId: string): Promise<string | undefined>;
  };
}

export interface PracticeConversation {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly serviceUrl: string;
}

const runners = ['lead', 'champion', 'admin'] as const;
const maxCaptureRetries = 5;

/**
 * The weekly 20-minute practice a lead runs in a meeting, group chat or channel: one session per
 * conversation and week, attendance counted once per person, captured prompts sent to review.
 */
export class PracticeService {
  constructor(
    private readonly ports: PracticePorts,
    private readonly now: () => Date,
  ) {}

  canRun(identity: Identity): boolean {
    return hasAnyRole(identity.roles, runners);
  }

  /** This week's session in the conversation: the existing one, or a new one. */
  async start(
    caller: Caller,
    conversation: PracticeConversation,
    options: { readonly jobFamilyId?: string | undefined; readonly scheduled?: boolean } = {},
  ): Promise<{ session: PracticeSession; created: boolean }> {
    const { identity } = caller;
    if (options.scheduled !== true && !this.canRun(identity)) {
      throw new AppError('forbidden', 'Only team leads and AI champions start practice sessions');
    }
    const now = this.now();
    const week = isoWeekOf(now);
    const id = practiceSessionId(conversation.id, week);
    const existing = await this.ports.practice.findSession(identity.tenantId, id);
    if (existing !== undefined) return { session: existing.value, created: false };

    const jobFamilyId = await this.teamJobFamily(caller, options.jobFamilyId);
    const lesson = await this.scenarioLesson(identity.tenantId, jobFamilyId, now);
    const profile = await this.ports.learners.findProfile(identity.tenantId, identity.userId);
    const session: PracticeSession = {
      id,
      tenantId: identity.tenantId,
      type: 'practiceSession',
      conversationId: conversation.id,
      conversationKind: conversation.kind,
      serviceUrl: conversation.serviceUrl,
      week,
      jobFamilyId,
      ...(lesson === undefined ? {} : { lessonId: lesson.id }),
      scenario:
        lesson?.scenario ??
        'Pick a task the team did this week. Each person tries one library prompt on it, then the team compares what came back.',
      ...(lesson?.promptId === undefined ? {} : { promptId: lesson.promptId }),
      startedBy: identity.userId,
      ...(identity.displayName === undefined ? {} : { startedByName: identity.displayName }),
      departmentId: profile?.value.departmentId ?? caller.departmentId ?? 'unassigned',
      startedAt: now.toISOString(),
      attendeeCount: 0,
      capturedPromptIds: [],
    };
    const { created } = await this.ports.practice.createSessionIfAbsent(session);
    if (created) return { session, created: true };
    // Someone else started it a moment ago: theirs is the session.
    return { session: await this.session(identity.tenantId, id), created: false };
  }

  async session(tenantId: string, id: string): Promise<PracticeSession> {
    const found = await this.ports.practice.findSession(tenantId, id);
    if (found === undefined) throw new AppError('not-found', 'That practice session was not found');
    return found.value;
  }

  /** Remembers the practice card's message, so attendance can update it for everyone. */
  async rememberCard(tenantId: string, sessionId: string, activityId: string): Promise<void> {
    await this.withLatest(tenantId, sessionId, (session) => ({ ...session, activityId }));
  }

  /** Counts the caller once; a second "I took part" changes nothing. */
  async attend(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: PracticeSession; counted: boolean }> {
    const { tenantId, userId } = caller.identity;
    const session = await this.session(tenantId, sessionId);
    const profile = await this.ports.learners.findProfile(tenantId, userId);
    const departmentId = profile?.value.departmentId ?? caller.departmentId ?? 'unassigned';
    const pk = weekPartitionKey(tenantId, session.week);
    const { created } = await this.ports.practice.createAttendanceIfAbsent({
      id: practiceAttendanceId(session.id, userId),
      tenantId,
      pk,
      type: 'practiceAttendance',
      week: session.week,
      sessionId: session.id,
      userId,
      departmentId,
      attendedAt: this.now().toISOString(),
    });
    if (!created) return { session, counted: false };
    const counted = await this.ports.practice.countAttendee(tenantId, session.id);
    await Promise.all([
      this.ports.counters.incrementDepartmentCounter({
        id: `practiceAttendance:${departmentId}`,
        tenantId,
        pk,
        type: 'departmentCounter',
        week: session.week,
        departmentId,
        metric: 'practiceAttendance',
      }),
      this.ports.learners.countPracticeAttended(tenantId, userId),
    ]);
    return { session: counted.value, counted: true };
  }

  /** A prompt that worked in practice becomes a proposal for the library owner to review. */
  async capture(
    caller: Caller,
    sessionId: string,
    draft: { readonly title: string; readonly body: string },
  ): Promise<{ prompt: PromptView; session: PracticeSession }> {
    const { tenantId } = caller.identity;
    const session = await this.session(tenantId, sessionId);
    const lesson = session.lessonId === undefined ? undefined : await this.lessonOf(session);
    const prompt = await this.ports.prompts.propose(
      caller,
      {
        title: draft.title,
        body: draft.body,
        jobFamilyIds: [session.jobFamilyId],
        taskIds: lesson?.taskId === undefined ? [] : [lesson.taskId],
      },
      { kind: 'practice', reference: session.id },
    );
    const updated = await this.withLatest(tenantId, sessionId, (latest) => ({
      ...latest,
      capturedPromptIds: [...latest.capturedPromptIds, prompt.id].slice(-200),
    }));
    return { prompt, session: updated };
  }

  async list(
    identity: Identity,
    filter: { readonly conversationId?: string | undefined; readonly week?: string | undefined },
  ): Promise<PracticeSessionView[]> {
    const [sessions, families] = await Promise.all([
      this.ports.practice.listSessions(identity.tenantId, filter),
      this.ports.program.listJobFamilies(identity.tenantId),
    ]);
    const familyNames = new Map(families.map((family) => [family.id, family.name]));
    const promptIds = [...new Set(sessions.flatMap((session) => session.promptId ?? []))];
    const titles = new Map(
      await Promise.all(
        promptIds.map(
          async (id) => [id, await this.ports.prompts.titleOf(identity.tenantId, id)] as const,
        ),
      ),
    );
    return sessions.map((session) => {
      const { tenantId: _tenant, type: _type, serviceUrl: _serviceUrl, ...rest } = session;
      const jobFamilyName = familyNames.get(session.jobFamilyId);
      const promptTitle = session.promptId === undefined ? undefined : titles.get(session.promptId);
      return {
        ...rest,
        ...(jobFamilyName === undefined ? {} : { jobFamilyName }),
        ...(promptTitle === undefined ? {} : { promptTitle }),
      };
    });
  }

  async jobFamilyName(tenantId: string, jobFamilyId: string): Promise<string> {
    const families = await this.ports.program.listJobFamilies(tenantId);
    return families.find((family) => family.id === jobFamilyId)?.name ?? jobFamilyId;
  }

  /** A standing order to post practice whenever this meeting starts. */
  async schedule(
    caller: Caller,
    conversation: PracticeConversation,
    jobFamilyId?: string,
  ): Promise<PracticeSchedule> {
    const { identity } = caller;
    if (!this.canRun(identity)) {
      throw new AppError('forbidden', 'Only team leads and AI champions schedule practice');
    }
    const schedule: PracticeSchedule = {
      id: practiceScheduleId(conversation.id),
      tenantId: identity.tenantId,
      type: 'practiceSchedule',
      conversationId: conversation.id,
      serviceUrl: conversation.serviceUrl,
      jobFamilyId: await this.teamJobFamily(caller, jobFamilyId),
      createdBy: identity.userId,
      createdAt: this.now().toISOString(),
    };
    await this.ports.practice.saveSchedule(schedule);
    return schedule;
  }

  async unschedule(caller: Caller, conversationId: string): Promise<boolean> {
    if (!this.canRun(caller.identity)) {
      throw new AppError('forbidden', 'Only team leads and AI champions change practice schedules');
    }
    return this.ports.practice.deleteSchedule(
      caller.identity.tenantId,
      practiceScheduleId(conversationId),
    );
  }

  async scheduleFor(
    tenantId: string,
    conversationId: string,
  ): Promise<PracticeSchedule | undefined> {
    return this.ports.practice.findSchedule(tenantId, practiceScheduleId(conversationId));
  }

  private async teamJobFamily(caller: Caller, requested: string | undefined): Promise<string> {
    const families = await this.ports.program.listJobFamilies(caller.identity.tenantId);
    if (requested !== undefined) {
      const wanted = requested.trim().toLowerCase();
      const match = families.find(
        (family) => family.id === wanted || family.name.toLowerCase() === wanted,
      );
      if (match === undefined) {
        const names = families.map((family) => family.id).join(', ');
        throw new AppError(
          'invalid',
          `There is no job family "${requested}". Try one of: ${names}`,
          {
            fieldErrors: [{ field: 'jobFamilyId', message: 'is not a job family of this program' }],
          },
        );
      }
      return match.id;
    }
    const profile = await this.ports.learners.findProfile(
      caller.identity.tenantId,
      caller.identity.userId,
    );
    const own = profile?.value.jobFamilyId ?? caller.jobFamilyId;
    if (own !== undefined) return own;
    const first = families[0];
    if (first === undefined) {
      throw new AppError('invalid', 'This program has no job families yet; an admin sets them up');
    }
    return first.id;
  }

  /** This week's lesson of the family; after the last week, the last lesson. */
  private async scenarioLesson(
    tenantId: string,
    jobFamilyId: string,
    now: Date,
  ): Promise<Lesson | undefined> {
    const lessons = inCurriculumOrder(await this.ports.lessons.publishedFor(tenantId, jobFamilyId));
    const start = await this.ports.program.programStart(tenantId);
    const week = start === undefined ? 1 : Math.max(1, programWeekOf(start, now));
    return lessons.filter((lesson) => lesson.week <= week).at(-1) ?? lessons[0];
  }

  private async lessonOf(session: PracticeSession): Promise<Lesson | undefined> {
    const lessons = await this.ports.lessons.publishedFor(session.tenantId, session.jobFamilyId);
    return lessons.find((lesson) => lesson.id === session.lessonId);
  }

  /** Applies a change to the latest version of a session, retrying a lost race a few times. */
  private async withLatest(
    tenantId: string,
    sessionId: string,
    change: (session: PracticeSession) => PracticeSession,
  ): Promise<PracticeSession> {
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.ports.practice.findSession(tenantId, sessionId);
      if (found === undefined)
        throw new AppError('not-found', 'That practice session was not found');
      try {
        return (await this.ports.practice.replaceSession(change(found.value), found.etag)).value;
      } catch (error) {
        const lostRace = error instanceof AppError && error.kind === 'precondition-failed';
        if (!lostRace || attempt >= maxCaptureRetries) throw error;
      }
    }
  }
}
