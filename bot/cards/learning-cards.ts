import { z } from 'zod';
import { timeOfDaySchema, weekdaySchema, weekdays } from '../../src/contracts/lessons.js';
import type { Weekday } from '../../src/contracts/lessons.js';
import announcementCardTemplate from './announcement-card.json' with { type: 'json' };
import capturePromptCardTemplate from './capture-prompt-card.json' with { type: 'json' };
import lessonCardTemplate from './lesson-card.json' with { type: 'json' };
import practiceCardTemplate from './practice-card.json' with { type: 'json' };
import progressCardTemplate from './progress-card.json' with { type: 'json' };
import { expand } from './render-card.js';
import type { AdaptiveCardJson } from './render-card.js';
import setupCardTemplate from './setup-card.json' with { type: 'json' };

/**
 * The cards of learning and practice: set-up, lessons, progress, the meeting practice and its
 * capture form, and proactive notices. As in render-card.ts, data is parsed before it reaches the
 * template engine, and whatever a person or a champion wrote goes in a `TextRun` (or an input's
 * label or value), which Adaptive Cards never read as markdown. Wording that depends on numbers
 * (plurals, "3 of 8") is worked out here, because template expressions cannot pluralise cleanly.
 */

const cardText = z.string().max(2000);
const count = z.number().int().min(0).max(1_000_000);
const httpUrl = z.url({ protocol: /^https?$/u });
/** Library prompt bodies run to 8,000 characters; a capture form may echo back more. */
const promptText = z.string().max(8000);
const choiceSchema = z.object({ id: cardText.min(1).max(200), name: cardText.min(1) });

function plural(amount: number, one: string, many: string): string {
  return `${amount} ${amount === 1 ? one : many}`;
}

const dayNames: Readonly<Record<Weekday, string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
const dayChoices = weekdays.map((day) => ({ id: day, name: dayNames[day] }));

// ---------------------------------------------------------------------------------------------
// Set-up

export const setupCardDataSchema = z
  .object({
    /** How to address the person, or '' when unknown: user data, shown verbatim. */
    name: cardText,
    jobFamilies: z.array(choiceSchema).min(1).max(100),
    departments: z.array(choiceSchema).min(1).max(300),
    timeZones: z.array(choiceSchema).min(1).max(600),
    /** What the inputs start with; '' leaves an input unchosen. */
    values: z.object({
      jobFamilyId: cardText,
      departmentId: cardText,
      lessonDay: z.union([z.literal(''), weekdaySchema]),
      lessonTime: z.union([z.literal(''), timeOfDaySchema]),
      timeZone: cardText,
    }),
    /** A line above the form, or '' for none. */
    error: cardText,
    /** The values were just saved: the card says when lessons will arrive. */
    saved: z.boolean(),
  })
  .superRefine((data, context) => {
    if (!data.saved) return;
    for (const key of ['lessonDay', 'lessonTime', 'timeZone'] as const) {
      if (data.values[key] === '') {
        context.addIssue({ code: 'custom', path: ['values', key], message: 'needed once saved' });
      }
    }
  });
export type SetupCardData = z.infer<typeof setupCardDataSchema>;

function setupConfirmation({ values }: SetupCardData): string {
  if (values.lessonDay === '') return '';
  return `You're set: lessons arrive on ${dayNames[values.lessonDay]}s at ${values.lessonTime} (${values.timeZone}).`;
}

export function renderSetupCard(data: SetupCardData): AdaptiveCardJson {
  const parsed = setupCardDataSchema.parse(data);
  return expand(setupCardTemplate, {
    ...parsed,
    days: dayChoices,
    confirmation: parsed.saved ? setupConfirmation(parsed) : '',
  });
}

// ---------------------------------------------------------------------------------------------
// Lesson

export const lessonCardDataSchema = z.object({
  lessonId: cardText.min(1).max(64),
  title: cardText.min(1),
  minutes: z.number().int().min(1).max(60),
  week: z.number().int().min(1).max(52),
  jobFamilyName: cardText.min(1),
  /** The workflow task the scenario comes from, or '' for none. */
  taskName: cardText,
  scenario: cardText.min(1),
  tryIt: cardText.min(1),
  prompt: z
    .object({
      title: cardText.min(1),
      text: promptText.min(1),
      /** The prompt in the library tab, or '' when no tab address is configured. */
      libraryUrl: z.union([z.literal(''), httpUrl]),
    })
    .nullable(),
  question: cardText.min(1),
  options: z
    .array(z.object({ id: cardText.min(1).max(64), text: cardText.min(1) }))
    .min(2)
    .max(5),
  /** The question to think about afterwards; it labels the reflection input. */
  reflection: cardText.min(1),
  /** null until answered; then the card shows the result in place of the form. */
  answered: z
    .object({
      answerId: cardText.min(1).max(64),
      correct: z.boolean(),
      feedback: cardText,
      chosenText: cardText.min(1),
      /** What the person wrote, or '' for nothing. */
      reflectionText: cardText,
    })
    .nullable(),
  /** The answer shown is the one recorded earlier, not the one just sent. */
  alreadyDone: z.boolean(),
  /** A line near the top, or '' for none. */
  error: cardText,
});
export type LessonCardData = z.infer<typeof lessonCardDataSchema>;

export function renderLessonCard(data: LessonCardData): AdaptiveCardJson {
  const parsed = lessonCardDataSchema.parse(data);
  const details = [
    `Week ${parsed.week}`,
    `${plural(parsed.minutes, 'minute', 'minutes')}`,
    parsed.jobFamilyName,
    parsed.taskName,
  ].filter((part) => part !== '');
  const { answered } = parsed;
  return expand(lessonCardTemplate, {
    ...parsed,
    details: details.join(' · '),
    hasPrompt: parsed.prompt !== null,
    prompt: parsed.prompt ?? { title: '', text: '', libraryUrl: '' },
    libraryUrl: parsed.prompt?.libraryUrl ?? '',
    isAnswered: answered !== null,
    answer: {
      chosenText: answered?.chosenText ?? '',
      feedback: answered?.feedback ?? '',
      reflectionText: answered?.reflectionText ?? '',
      resultLabel: answered?.correct === true ? '✓ Correct.' : '✗ Not quite.',
      resultColor: answered?.correct === true ? 'Good' : 'Attention',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Progress

export const progressCardDataSchema = z.object({
  /** How to address the person, or '' when unknown. */
  name: cardText,
  /** 1 is the program's first week; 0 or less means it has not started. */
  programWeek: z.number().int().min(-1000).max(1000),
  completed: count,
  total: count,
  due: count,
  practiceAttended: count,
  /** When the next lesson arrives, already worded for the person, or '' for none. */
  nextLessonText: cardText,
  lessons: z
    .array(
      z.object({
        week: z.number().int().min(1).max(52),
        title: cardText.min(1),
        stateLabel: cardText.min(1),
      }),
    )
    .max(100),
});
export type ProgressCardData = z.infer<typeof progressCardDataSchema>;

export function renderProgressCard(data: ProgressCardData): AdaptiveCardJson {
  const parsed = progressCardDataSchema.parse(data);
  return expand(progressCardTemplate, {
    ...parsed,
    facts: {
      programWeek: parsed.programWeek < 1 ? 'Not started yet' : `Week ${parsed.programWeek}`,
      completed: `${parsed.completed} of ${parsed.total}`,
      due: parsed.due === 0 ? 'Nothing' : plural(parsed.due, 'lesson', 'lessons'),
      practiceAttended: plural(parsed.practiceAttended, 'session', 'sessions'),
      nextLesson: parsed.nextLessonText,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Practice in a meeting

export const practiceCardDataSchema = z.object({
  sessionId: cardText.min(1).max(200),
  jobFamilyName: cardText.min(1),
  /** The week the practice belongs to, already worded, such as "Week 3". */
  weekLabel: cardText.min(1),
  /** The situation to practise, or '' for none. */
  scenario: cardText,
  prompt: z.object({ title: cardText.min(1), text: promptText.min(1) }).nullable(),
  phases: z
    .array(z.object({ label: cardText.min(1), minutes: z.number().int().min(1).max(60) }))
    .min(1)
    .max(10),
  attendeeCount: count,
  /** Who started it, or '' when unknown. */
  startedByName: cardText,
  capturedCount: count,
  /** Once ended, the card keeps the record but offers no actions. */
  ended: z.boolean(),
});
export type PracticeCardData = z.infer<typeof practiceCardDataSchema>;

export function renderPracticeCard(data: PracticeCardData): AdaptiveCardJson {
  const parsed = practiceCardDataSchema.parse(data);
  return expand(practiceCardTemplate, {
    ...parsed,
    hasPrompt: parsed.prompt !== null,
    prompt: parsed.prompt ?? { title: '', text: '' },
    phases: parsed.phases.map((phase) => ({ ...phase, minutesLabel: `${phase.minutes} min` })),
    attendanceLine: `${plural(parsed.attendeeCount, 'person', 'people')} took part`,
    capturedLine:
      parsed.capturedCount === 0
        ? ''
        : `${plural(parsed.capturedCount, 'prompt', 'prompts')} captured for the library`,
  });
}

export const capturePromptCardDataSchema = z.object({
  sessionId: cardText.min(1).max(200),
  /** What the inputs start with: '' at first, what the person sent when it needs fixing. */
  title: cardText,
  body: z.string().max(40_000),
  errors: z.array(z.object({ line: cardText.min(1) })).max(20),
});
export type CapturePromptCardData = z.infer<typeof capturePromptCardDataSchema>;

export function renderCapturePromptCard(data: CapturePromptCardData): AdaptiveCardJson {
  return expand(capturePromptCardTemplate, capturePromptCardDataSchema.parse(data));
}

// ---------------------------------------------------------------------------------------------
// Proactive notices

export const announcementCardDataSchema = z
  .object({
    title: cardText.min(1),
    text: z.string().min(1).max(4000),
    /** Where the button goes, or '' for no button. */
    linkUrl: z.union([z.literal(''), httpUrl]),
    linkTitle: z.string().max(100),
  })
  .refine((data) => data.linkUrl === '' || data.linkTitle.trim() !== '', {
    path: ['linkTitle'],
    message: 'a link needs a title',
  });
export type AnnouncementCardData = z.infer<typeof announcementCardDataSchema>;

export function renderAnnouncementCard(data: AnnouncementCardData): AdaptiveCardJson {
  return expand(announcementCardTemplate, announcementCardDataSchema.parse(data));
}
