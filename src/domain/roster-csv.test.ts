import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './csv.js';
import {
  isPendingPersonId,
  parseRosterCsv,
  pendingPersonId,
  resolveReference,
} from './roster-csv.js';

const context = {
  departments: [
    { id: 'finance-operations', name: 'Finance and Operations' },
    { id: 'strategy-consulting', name: 'Strategy Consulting' },
  ],
  jobFamilies: [
    { id: 'operations', name: 'Operations and support' },
    { id: 'consulting', name: 'Consultants' },
  ],
};

const header = 'upn,displayName,department,jobFamily,eligible,role,manager';

function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('parseRosterCsv', () => {
  it('should read valid rows with departments and job families named by id or by name', () => {
    const parsed = parseRosterCsv(
      csv(
        header,
        'Ada@Example.com,Ada Lovelace,finance-operations,operations,yes,lead,boss@example.com',
        'bob@example.com,Bob Stone,strategy consulting,CONSULTANTS,0,,',
      ),
      context,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowCount).toBe(2);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        upn: 'ada@example.com',
        displayName: 'Ada Lovelace',
        departmentId: 'finance-operations',
        jobFamilyId: 'operations',
        eligible: true,
        role: 'lead',
        managerUpn: 'boss@example.com',
        objectId: undefined,
      },
      {
        line: 3,
        upn: 'bob@example.com',
        displayName: 'Bob Stone',
        departmentId: 'strategy-consulting',
        jobFamilyId: 'consulting',
        eligible: false,
        role: undefined,
        managerUpn: undefined,
        objectId: undefined,
      },
    ]);
  });

  it('should accept forgiving header spellings in any order and note which columns exist', () => {
    const parsed = parseRosterCsv(
      csv(
        'Display Name,USER_PRINCIPAL_NAME,Job Family,Department,AAD Object Id',
        'Ada,ada@example.com,operations,finance-operations,0F8FAD5B-D9CB-469F-A165-70867728950E',
      ),
      context,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      upn: 'ada@example.com',
      displayName: 'Ada',
      objectId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect([...parsed.columns].sort()).toEqual(
      ['department', 'displayName', 'jobFamily', 'objectId', 'upn'].sort(),
    );
  });

  it('should report every problem of a row with its line and column', () => {
    const parsed = parseRosterCsv(
      csv(
        header,
        'not-a-upn,,Marketing,Pilots,maybe,boss,also-not-a-upn',
        'ok@example.com,Okay,finance-operations,operations,true,member,ok@example.com',
      ),
      context,
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map(({ line, field }) => `${String(line)}:${field}`)).toEqual([
      '2:upn',
      '2:displayName',
      '2:department',
      '2:jobFamily',
      '2:eligible',
      '2:role',
      '2:manager',
      '3:manager',
    ]);
    expect(parsed.errors.find((error) => error.field === 'department')?.message).toContain(
      '"Marketing" is not a department of this program (departments: Finance and Operations, Strategy Consulting)',
    );
    expect(parsed.errors.at(-1)?.message).toBe('cannot be the person themselves');
  });

  it('should report a UPN or object id that appears twice, naming the first line', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const parsed = parseRosterCsv(
      csv(
        'upn,displayName,department,jobFamily,objectId',
        `ada@example.com,Ada,finance-operations,operations,${id}`,
        'bob@example.com,Bob,finance-operations,operations,',
        `ADA@example.com,Ada again,finance-operations,operations,`,
        `carol@example.com,Carol,finance-operations,operations,${id}`,
      ),
      context,
    );
    expect(parsed.rows.map((row) => row.upn)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(parsed.errors).toEqual([
      { line: 4, field: 'upn', message: 'appears again: ada@example.com is already on line 2' },
      { line: 5, field: 'objectId', message: 'appears again: it is already on line 2' },
    ]);
  });

  it('should count lines as an editor does across quoted line breaks and blank lines', () => {
    const parsed = parseRosterCsv(
      [
        header,
        '',
        '"ada@example.com","Ada ""The Countess""',
        'Lovelace",finance-operations,operations,true,member,',
        'bad@example.com,Bad,nowhere,operations,true,member,',
      ].join('\n'),
      context,
    );
    expect(parsed.rows[0]).toMatchObject({ line: 3, displayName: 'Ada "The Countess"\nLovelace' });
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 5, field: 'department' })]);
  });

  it('should name the line of a record that is not valid CSV and keep reading the others', () => {
    const parsed = parseRosterCsv(
      csv(
        header,
        'ada@example.com,Ada "the" Countess,finance-operations,operations,true,member,',
        'bob@example.com,Bob,finance-operations,operations,true,member,',
      ),
      context,
    );
    expect(parsed.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'row', message: expect.stringContaining('CSV') }),
    ]);
    expect(parsed.rows.map((row) => row.upn)).toEqual(['bob@example.com']);
  });

  it('should refuse a header with a missing required column or an unknown one', () => {
    const parsed = parseRosterCsv(
      csv('upn,display name,department,elegible', 'ada@example.com,Ada,finance-operations,true'),
      context,
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        line: 1,
        field: 'elegible',
        message: expect.stringContaining('is not a roster column'),
      },
      { line: 1, field: 'jobFamily', message: 'column is missing' },
    ]);
  });

  it('should ignore blank header cells and empty trailing cells that spreadsheets add', () => {
    const parsed = parseRosterCsv(
      csv(`${header},,`, 'ada@example.com,Ada,finance-operations,operations,true,member,,,'),
      context,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('should refuse more rows than the limit before reading them', () => {
    const rows = Array.from(
      { length: 4 },
      (_, index) => `p${String(index)}@example.com,P,finance-operations,operations,true,member,`,
    );
    const parsed = parseRosterCsv(csv(header, ...rows), { ...context, maxRows: 3 });
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: 0, field: 'file', message: 'The file has more than 3 rows; import it in parts' },
    ]);
  });

  it('should call an empty file what it is', () => {
    expect(parseRosterCsv('\uFEFF\r\n', context).errors).toEqual([
      { line: 0, field: 'file', message: 'The file is empty: it needs a header row' },
    ]);
  });

  it('should read a cell that a spreadsheet export guarded with an apostrophe', () => {
    const parsed = parseRosterCsv(
      csv(header, "ada@example.com,'-Ada,finance-operations,operations,true,member,"),
      context,
    );
    expect(parsed.rows[0]?.displayName).toBe('-Ada');
  });

  it('should need an object id for a UPN too long to become a pending id', () => {
    const upn = `${'a'.repeat(120)}@example.com`;
    const parsed = parseRosterCsv(
      csv(header, `${upn},Long,finance-operations,operations,true,member,`),
      context,
    );
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 2, field: 'objectId' })]);
  });
});

describe('roster helpers', () => {
  it('should make pending ids that are told apart from Entra object ids', () => {
    expect(pendingPersonId('ada@example.com')).toBe('upn:ada@example.com');
    expect(isPendingPersonId(pendingPersonId('ada@example.com'))).toBe(true);
    expect(isPendingPersonId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false);
  });

  it('should normalise headers and resolve references by id before name', () => {
    expect(normaliseHeader(' Job-Family_Id ')).toBe('jobfamilyid');
    const references = [
      { id: 'ops', name: 'Finance' },
      { id: 'finance', name: 'Operations' },
    ];
    expect(resolveReference(references, 'FINANCE')?.id).toBe('finance');
    expect(resolveReference(references, 'operations')?.id).toBe('finance');
    expect(resolveReference(references, '')).toBeUndefined();
  });
});
