import { describe, expect, it } from 'vitest';
import { copilotUsagePageSchema, eventsFromCopilotRows, isConcealedUpn } from './copilot-report.js';

/** A row as the Graph documentation shows it: empty strings for apps not used. */
const row = (upn: string, dates: Record<string, string> = {}): Record<string, unknown> => ({
  reportRefreshDate: '2026-03-01',
  userPrincipalName: upn,
  displayName: 'Adele Vance',
  lastActivityDate: '',
  copilotChatLastActivityDate: '',
  microsoftTeamsCopilotLastActivityDate: '',
  wordCopilotLastActivityDate: '',
  excelCopilotLastActivityDate: '',
  powerPointCopilotLastActivityDate: '',
  outlookCopilotLastActivityDate: '',
  oneNoteCopilotLastActivityDate: '',
  loopCopilotLastActivityDate: '',
  copilotActivityUserDetailsByPeriod: [{ reportPeriod: 7 }],
  ...dates,
});

describe('the Copilot usage report', () => {
  it('should make one event per app and last-activity date, at noon UTC, with a replayable id', () => {
    const outcome = eventsFromCopilotRows(
      [
        row('AdeleV@Contoso.com', {
          lastActivityDate: '2026-02-28',
          microsoftTeamsCopilotLastActivityDate: '2026-02-28',
          wordCopilotLastActivityDate: '2026-02-25',
          excelCopilotLastActivityDate: '2026-02-25',
        }),
      ],
      '2026-03-02',
    );
    expect(outcome.users).toEqual(['adelev@contoso.com']);
    expect(outcome.reportRefreshDate).toBe('2026-03-01');
    expect(outcome.events).toEqual([
      {
        id: 'copilot:adelev@contoso.com:teams:2026-02-28',
        upn: 'adelev@contoso.com',
        occurredAt: '2026-02-28T12:00:00Z',
        source: 'copilot',
        tool: 'teams',
      },
      expect.objectContaining({ id: 'copilot:adelev@contoso.com:word:2026-02-25' }),
      expect.objectContaining({ id: 'copilot:adelev@contoso.com:excel:2026-02-25' }),
    ]);
  });

  it('should count the last activity date as its own event only when no app accounts for it', () => {
    const outcome = eventsFromCopilotRows(
      [
        row('a@contoso.com', {
          lastActivityDate: '2026-02-27',
          loopCopilotLastActivityDate: '2026-02-20',
        }),
      ],
      '2026-03-02',
    );
    expect(outcome.events.map((event) => [event.tool, event.occurredAt.slice(0, 10)])).toEqual([
      ['loop', '2026-02-20'],
      ['microsoft-365-copilot', '2026-02-27'],
    ]);
  });

  it('should skip and count concealed names, and make nothing of users who did not use Copilot', () => {
    const outcome = eventsFromCopilotRows(
      [
        row('DC8C64D6EC3A3AA17481D7E5EB5B68A6', { lastActivityDate: '2026-02-28' }),
        row('idle@contoso.com'),
        { userPrincipalName: null },
        'not a row',
      ],
      '2026-03-02',
    );
    expect(outcome).toEqual({
      users: ['idle@contoso.com'],
      concealed: 3,
      events: [],
      reportRefreshDate: '2026-03-01',
    });
    expect(isConcealedUpn('e58eef6a6bbd3d0293cb306d24a42057')).toBe(true);
    expect(isConcealedUpn('person@contoso.com')).toBe(false);
  });

  it('should ignore dates that are not real or lie in the future', () => {
    const outcome = eventsFromCopilotRows(
      [
        row('a@contoso.com', {
          wordCopilotLastActivityDate: '2026-02-30',
          excelCopilotLastActivityDate: '2026-03-09',
          outlookCopilotLastActivityDate: '28/02/2026',
          loopCopilotLastActivityDate: '2026-03-02',
        }),
      ],
      '2026-03-02',
    );
    expect(outcome.events.map((event) => event.tool)).toEqual(['loop']);
  });

  it('should read a page with or without a next link', () => {
    expect(copilotUsagePageSchema.parse({ value: [] })['@odata.nextLink']).toBeUndefined();
    const next = 'https://graph.microsoft.com/v1.0/copilot/reports/x?$skiptoken=abc';
    expect(
      copilotUsagePageSchema.parse({ value: [row('a@b.c')], '@odata.nextLink': next })[
        '@odata.nextLink'
      ],
    ).toBe(next);
    expect(copilotUsagePageSchema.safeParse({ rows: [] }).success).toBe(false);
  });
});
