import { describe, expect, it } from 'vitest';
import type { RosterImportReport } from '../../../src/contracts/roster.js';
import { createApiClient } from '../api/api-client.js';
import {
  changeText,
  reportSummary,
  rosterTemplateCsv,
  rosterTemplateHref,
  rowErrorsOf,
  sendRoster,
} from './roster-requests.js';

const overview = {
  departments: [{ id: 'risk', name: 'Risk, Audit and Compliance' }],
  jobFamilies: [{ id: 'analysis', name: 'Analysts', description: '' }],
  headcount: 0,
};

const report: RosterImportReport = {
  dryRun: true,
  rows: 3,
  created: 1,
  updated: 1,
  unchanged: 1,
  errors: [],
  errorCount: 0,
  changes: [
    { line: 2, upn: 'a@example.com', outcome: 'created', fields: [] },
    { line: 3, upn: 'b@example.com', outcome: 'updated', fields: ['department', 'jobFamily'] },
  ],
};

/** A client whose server answers every request with `response`, recording what was sent. */
function clientAnswering(response: () => Response): {
  client: ReturnType<typeof createApiClient>;
  sent: { url: string; body: unknown }[];
} {
  const sent: { url: string; body: unknown }[] = [];
  const client = createApiClient({
    headers: () => Promise.resolve({}),
    fetch: (input, init) => {
      sent.push({
        url: String(input),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return Promise.resolve(response());
    },
  });
  return { client, sent };
}

describe('the roster template', () => {
  it('should list every column and an example in the program’s own names, quoted where needed', () => {
    expect(rosterTemplateCsv(overview).split('\r\n')).toEqual([
      'upn,displayName,department,jobFamily,eligible,role,manager,objectId',
      'ada.lovelace@example.com,Ada Lovelace,"Risk, Audit and Compliance",Analysts,true,member,grace.hopper@example.com,',
      '',
    ]);
    expect(decodeURIComponent(rosterTemplateHref(overview).split(',').slice(1).join(','))).toBe(
      rosterTemplateCsv(overview),
    );
  });
});

describe('sendRoster', () => {
  it('should send a check as JSON with dryRun and return the report', async () => {
    const { client, sent } = clientAnswering(
      () =>
        new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } }),
    );
    await expect(sendRoster(client, 'upn\r\n', true)).resolves.toEqual({ kind: 'report', report });
    expect(sent).toEqual([{ url: '/api/roster/import?dryRun=true', body: { csv: 'upn\r\n' } }]);
  });

  it('should turn a 422 into the rows at fault and anything else into a failure', async () => {
    const problem = {
      type: 'about:blank',
      title: 'The roster file has errors',
      status: 422,
      errors: [
        { field: 'lines[12].department', message: '"X" is not a department' },
        { field: 'file', message: 'The file is empty' },
      ],
      report: { ...report, dryRun: false },
    };
    const rejected = clientAnswering(
      () =>
        new Response(JSON.stringify(problem), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    const outcome = await sendRoster(rejected.client, 'x', false);
    expect(outcome).toMatchObject({
      kind: 'rejected',
      errors: [
        { line: 12, field: 'department', message: '"X" is not a department' },
        { line: 0, field: 'file', message: 'The file is empty' },
      ],
    });
    expect(rejected.sent[0]?.url).toBe('/api/roster/import');

    const conflict = clientAnswering(
      () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409 }), {
          status: 409,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    await expect(sendRoster(conflict.client, 'x', false)).resolves.toMatchObject({
      kind: 'failed',
      problem: { status: 409 },
    });
  });

  it('should read problem fields it does not know as file-level errors', () => {
    expect(
      rowErrorsOf({
        type: 'about:blank',
        title: 't',
        status: 422,
        errors: [{ field: 'x', message: 'm' }],
      }),
    ).toEqual([{ line: 0, field: 'x', message: 'm' }]);
  });
});

describe('report text', () => {
  it('should describe a check, an import and each change in plain words', () => {
    expect(reportSummary(report)).toBe(
      'The file is ready: 3 rows, 1 new person, 1 updated, 1 unchanged. Nothing is written until you import it.',
    );
    expect(reportSummary({ ...report, dryRun: false, created: 2 })).toBe(
      'Imported 3 rows: 2 new people, 1 updated, 1 unchanged.',
    );
    expect(report.changes.map(changeText)).toEqual([
      'New person',
      'Updated: department, job family',
    ]);
  });
});
