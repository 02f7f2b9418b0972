import type { Container } from '@azure/cosmos';
import {
  type PracticeAttendance,
  practiceAttendanceSchema,
  type PracticeSchedule,
  practiceScheduleSchema,
  type PracticeSession,
  practiceSessionSchema,
} from '../contracts/practice.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

const sessionListLimit = 5000;

/**
 * Practice sessions and standing schedules (`program` container, partition `/tenantId`) and each
 * person's attendance (`activity`, `pk = tenantId:isoWeek`, one document per person and session).
 */
export class PracticeRepository {
  private readonly sessions: CosmosRepository<PracticeSession>;
  private readonly schedules: CosmosRepository<PracticeSchedule>;
  private readonly attendance: CosmosRepository<PracticeAttendance>;

  constructor(
    program: Container,
    activity: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    const common = {
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.sessions = new CosmosRepository(program, {
      ...common,
      name: 'program',
      type: 'practiceSession',
      schema: practiceSessionSchema,
      partitionKeyOf: (session) => session.tenantId,
    });
    this.schedules = new CosmosRepository(program, {
      ...common,
      name: 'program',
      type: 'practiceSchedule',
      schema: practiceScheduleSchema,
      partitionKeyOf: (schedule) => schedule.tenantId,
    });
    this.attendance = new CosmosRepository(activity, {
      ...common,
      name: 'activity',
      type: 'practiceAttendance',
      schema: practiceAttendanceSchema,
      partitionKeyOf: (attendance) => attendance.pk,
    });
  }

  async findSession(tenantId: string, id: string): Promise<Versioned<PracticeSession> | undefined> {
    return this.sessions.find({ tenantId }, id);
  }

  async createSessionIfAbsent(session: PracticeSession): Promise<{ created: boolean }> {
    return this.sessions.createIfAbsent(session);
  }

  async replaceSession(
    session: PracticeSession,
    etag: string,
  ): Promise<Versioned<PracticeSession>> {
    return this.sessions.replace(session, etag);
  }

  async countAttendee(tenantId: string, sessionId: string): Promise<Versioned<PracticeSession>> {
    return this.sessions.patch({ tenantId }, sessionId, [
      { op: 'incr', path: '/attendeeCount', value: 1 },
    ]);
  }

  async listSessions(
    tenantId: string,
    filter: { readonly conversationId?: string | undefined; readonly week?: string | undefined },
  ): Promise<PracticeSession[]> {
    const clauses: string[] = [];
    const parameters: { name: string; value: string }[] = [];
    if (filter.conversationId !== undefined) {
      clauses.push('c.conversationId = @conversation');
      parameters.push({ name: '@conversation', value: filter.conversationId });
    }
    if (filter.week !== undefined) {
      clauses.push('c.week = @week');
      parameters.push({ name: '@week', value: filter.week });
    }
    const found = await this.sessions.queryAll(
      { tenantId },
      {
        ...(clauses.length === 0 ? {} : { where: clauses.join(' AND ') }),
        parameters,
        orderBy: 'c.startedAt DESC',
      },
      sessionListLimit,
    );
    return found.map((entry) => entry.value);
  }

  async createAttendanceIfAbsent(attendance: PracticeAttendance): Promise<{ created: boolean }> {
    return this.attendance.createIfAbsent(attendance);
  }

  async findSchedule(tenantId: string, id: string): Promise<PracticeSchedule | undefined> {
    return (await this.schedules.find({ tenantId }, id))?.value;
  }

  async saveSchedule(schedule: PracticeSchedule): Promise<void> {
    await this.schedules.upsert(schedule);
  }

  async deleteSchedule(tenantId: string, id: string): Promise<boolean> {
    const found = await this.schedules.find({ tenantId }, id);
    if (found === undefined) return false;
    await this.schedules.delete({ tenantId }, id);
    return true;
  }
}
