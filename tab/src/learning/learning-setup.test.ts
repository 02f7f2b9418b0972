import { describe, expect, it } from 'vitest';
import { checkSetup, initialSetup, lessonCounts } from './learning-setup.js';

describe('initialSetup', () => {
  it('should start a new learner from their roster entry, the tenant default day and their zone', () => {
    expect(
      initialSetup({ jobFamily: 'consulting', department: 'strategy' }, undefined, 'Europe/Paris'),
    ).toEqual({
      jobFamilyId: 'consulting',
      departmentId: 'strategy',
      lessonDay: 'tuesday',
      lessonTime: '10:00',
      timeZone: 'Europe/Paris',
    });
  });

  it('should start from the saved set-up when there is one', () => {
    const profile = {
      jobFamilyId: 'analysis',
      departmentId: 'data',
      lessonDay: 'friday' as const,
      lessonTime: '16:30',
      timeZone: 'Asia/Tokyo',
    };
    expect(initialSetup({ jobFamily: 'consulting' }, profile, 'UTC')).toBe(profile);
  });
});

describe('checkSetup', () => {
  it('should ask for a job family, a department and a valid time', () => {
    const check = checkSetup({
      jobFamilyId: '',
      departmentId: '',
      lessonDay: 'monday',
      lessonTime: '25:00',
      timeZone: 'UTC',
    });
    expect(check.ok ? undefined : check.errors).toEqual({
      jobFamilyId: 'Choose your job family',
      departmentId: 'Choose your department',
      lessonTime: 'Must be a time like 09:30 (24-hour clock)',
    });
  });

  it('should refuse a time zone the runtime does not know', () => {
    const check = checkSetup({
      jobFamilyId: 'a',
      departmentId: 'b',
      lessonDay: 'monday',
      lessonTime: '09:00',
      timeZone: 'Mars/Olympus',
    });
    expect(check.ok ? undefined : Object.keys(check.errors)).toEqual(['timeZone']);
  });
});

describe('lessonCounts', () => {
  it('should count lessons done, due and upcoming', () => {
    const lesson = (state: 'done' | 'due' | 'upcoming') => ({
      id: state,
      title: state,
      week: 1,
      minutes: 5,
      state,
    });
    expect(lessonCounts([lesson('done'), lesson('done'), lesson('due')])).toEqual({
      done: 2,
      due: 1,
      upcoming: 0,
    });
  });
});
