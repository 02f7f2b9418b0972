import { describe, expect, it } from 'vitest';
import type { PulseAnswer } from '../contracts/adoption.js';
import type { LearnerProfile } from '../contracts/lessons.js';
import { AppError } from '../domain/errors.js';
import type { Caller } from './caller.js';
import type { EnqueueInput } from './delivery-queue.js';
import { type PulseTask, PulseService } from './pulse-service.js';

const tasks: PulseTask[] = [
  { id: 'board-pack', name: 'Board pack', departmentId: 'finance', baselineMinutes: 180 },
  { id: 'expense-review', name: 'Expense review', departmentId: 'finance', baselineMinutes: 40 },
  { id: 'client-update', name: 'Client update', departmentId: 'advisory', baselineMinutes: 60 },
];

/** Wednesday of 2026-W10. */
const wednesday = new Date('2026-03-04T12:00:00Z');

function caller(userId: string, departmentId?: string): Caller {
  return {
    identity: { tenantId: 't1', userId, roles: ['member'] },
    ...(departmentId === undefined ? {} : { departmentId }),
  };
}

function profile(userId: string): LearnerProfile {
  return {
    id: `learner:${userId}`,
    tenantId: 't1',
    type: 'learnerProfile',
    userId,
    jobFamilyId: 'analysis',
    departmentId: 'finance',
    lessonDay: 'tuesday',
    lessonTime: '09:00',
    timeZone: 'UTC',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The service over in-process stores, with a roster of who is in which department. */
function setUp(roster: Record<string, string | undefined>, profiles: LearnerProfile[] = []) {
  const answers = new Map<string, PulseAnswer>();
  const queued = new Map<string, EnqueueInput>();
  let now = wednesday;
  const service = new PulseService(
    {
      pulses: {
        save: (answer) => {
          answers.set(`${answer.pk}/${answer.id}`, answer);
          return Promise.resolve();
        },
        find: (tenantId, week, userId) =>
          Promise.resolve(answers.get(`${tenantId}:${week}/pulse:${userId}`)),
      },
      tasks: {
        listForDepartment: (_tenantId, departmentId) =>
          Promise.resolve(tasks.filter((task) => task.departmentId === departmentId)),
        find: (_tenantId, id) => Promise.resolve(tasks.find((task) => task.id === id)),
      },
      learners: { listProfiles: () => Promise.resolve(profiles) },
      callers: {
        callerFor: (_tenantId, userId) => Promise.resolve(caller(userId, roster[userId])),
      },
      queue: {
        enqueue: (input) => {
          const created = !queued.has(input.id);
          if (created) queued.set(input.id, input);
          return Promise.resolve({ created });
        },
      },
    },
    () => now,
  );
  return {
    service,
    answers,
    queued,
    setNow: (moment: Date) => {
      now = moment;
    },
  };
}

describe('PulseService', () => {
  it("should ask about one of the person's department's tasks, and nothing without tasks", async () => {
    const { service } = setUp({});
    const view = await service.questionFor(caller('u1', 'finance'));
    expect(view.week).toBe('2026-W10');
    expect(['board-pack', 'expense-review']).toContain(view.question?.taskId);
    expect(view.answer).toBeNull();
    const none = await service.questionFor(caller('u1', 'legal'));
    expect(none.question).toBeNull();
  });

  it('should refuse people off the roster', async () => {
    const { service } = setUp({});
    await expect(service.questionFor(caller('u1'))).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      service.answer(caller('u1'), { taskId: 'board-pack', minutes: 5, aiHelped: true }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it("should record this week's answer under the roster department, the last one kept", async () => {
    const { service, answers, setNow } = setUp({});
    const person = caller('u1', 'advisory');
    await service.answer(person, { taskId: 'board-pack', minutes: 120, aiHelped: false });
    const view = await service.answer(person, {
      taskId: 'board-pack',
      minutes: 90,
      aiHelped: true,
    });
    expect(view.answer).toEqual({
      taskId: 'board-pack',
      taskName: 'Board pack',
      minutes: 90,
      aiHelped: true,
      answeredAt: wednesday.toISOString(),
    });
    expect([...answers.values()]).toEqual([
      expect.objectContaining({
        id: 'pulse:u1',
        pk: 't1:2026-W10',
        week: '2026-W10',
        departmentId: 'advisory',
        minutes: 90,
      }),
    ]);
    setNow(new Date('2026-03-09T08:00:00Z'));
    expect((await service.questionFor(person)).answer).toBeNull();
  });

  it('should refuse a task that is not mapped, naming the field', async () => {
    const { service, answers } = setUp({});
    const refused = service.answer(caller('u1', 'finance'), {
      taskId: 'nope',
      minutes: 5,
      aiHelped: true,
    });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      kind: 'invalid',
      fieldErrors: [{ field: 'taskId', message: 'is not a mapped task of this program' }],
    });
    expect(answers.size).toBe(0);
  });

  it('should queue one pulse per set-up learner and week, due on their lesson day', async () => {
    const { service, queued } = setUp(
      { u1: 'finance', u2: 'finance', u3: 'legal', u4: undefined, u5: 'finance' },
      ['u1', 'u2', 'u3', 'u4', 'u5'].map(profile),
    );
    await service.answer(caller('u5', 'finance'), {
      taskId: 'board-pack',
      minutes: 30,
      aiHelped: true,
    });
    const first = await service.enqueueWeekly('t1', wednesday);
    expect(first).toEqual({
      learners: 5,
      enqueued: 2,
      alreadyQueued: 0,
      alreadyAnswered: 1,
      nothingToAsk: 2,
    });
    expect([...queued.values()]).toEqual([
      {
        tenantId: 't1',
        id: 'pulse:u1:2026-W10',
        recipient: { kind: 'person', userId: 'u1' },
        payload: { kind: 'pulse', week: '2026-W10' },
        notBefore: new Date('2026-03-03T09:00:00Z'),
      },
      expect.objectContaining({ id: 'pulse:u2:2026-W10' }),
    ]);
    const again = await service.enqueueWeekly('t1', wednesday);
    expect(again).toMatchObject({ enqueued: 0, alreadyQueued: 2, alreadyAnswered: 1 });
    expect(queued.size).toBe(2);

    const nextWeek = await service.enqueueWeekly('t1', new Date('2026-03-10T07:00:00Z'));
    expect(nextWeek).toMatchObject({ enqueued: 3, alreadyAnswered: 0 });
    expect(queued.get('pulse:u5:2026-W11')?.notBefore).toEqual(new Date('2026-03-10T09:00:00Z'));
  });

  it('should leave to the queue a pulse another instance queued already', async () => {
    const shared = setUp({ u1: 'finance' }, [profile('u1')]);
    // Two instances over one queue: the second finds the id taken.
    const other = new PulseService(
      {
        pulses: { save: () => Promise.resolve(), find: () => Promise.resolve(undefined) },
        tasks: {
          listForDepartment: () => Promise.resolve(tasks.slice(0, 2)),
          find: () => Promise.resolve(undefined),
        },
        learners: { listProfiles: () => Promise.resolve([profile('u1')]) },
        callers: { callerFor: () => Promise.resolve(caller('u1', 'finance')) },
        queue: {
          enqueue: (input) => {
            const created = !shared.queued.has(input.id);
            if (created) shared.queued.set(input.id, input);
            return Promise.resolve({ created });
          },
        },
      },
      () => wednesday,
    );
    expect((await shared.service.enqueueWeekly('t1', wednesday)).enqueued).toBe(1);
    expect(await other.enqueueWeekly('t1', wednesday)).toMatchObject({
      enqueued: 0,
      alreadyQueued: 1,
    });
    expect(shared.queued.size).toBe(1);
  });
});
