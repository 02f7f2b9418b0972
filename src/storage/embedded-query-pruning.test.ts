import { describe, expect, it } from 'vitest';
import { requirementsOf } from './embedded-query-pruning.js';

const p = (name: string, value: unknown): { name: string; value: unknown } => ({ name, value });

describe('requirementsOf', () => {
  it('should read the type and partition the repository’s queries pin', () => {
    expect(
      requirementsOf(
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type AND c.pk = @pk AND (c.x = 1) ORDER BY c.at DESC',
        [p('@tenantId', 't'), p('@type', 'activeMarker'), p('@pk', 't:2026-W10')],
      ),
    ).toEqual({ type: ['activeMarker'], pk: ['t:2026-W10'] });
  });

  it('should read a list of partitions and a parenthesised OR of types', () => {
    expect(
      requirementsOf(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@pks, c.pk) AND (c.type = 'departmentWeek' OR c.type = 'departmentCounter')",
        [p('@tenantId', 't'), p('@pks', ['t:1', 't:2'])],
      ),
    ).toEqual({ pk: ['t:1', 't:2'], type: ['departmentWeek', 'departmentCounter'] });
  });

  it('should require nothing when the clause is an OR at the top, or not a plain FROM c', () => {
    expect(requirementsOf("SELECT * FROM c WHERE c.type = 'a' OR c.flag = true", [])).toEqual({});
    expect(requirementsOf("SELECT t FROM c JOIN t IN c.tags WHERE c.type = 'a'", [])).toEqual({});
    expect(requirementsOf('SELECT * FROM c', [])).toEqual({});
  });

  it('should not pin a field through an OR that mixes fields, or a parameter that is not text', () => {
    expect(
      requirementsOf("SELECT * FROM c WHERE (c.type = 'a' OR c.pk = 'b') AND c.x = 1", []),
    ).toEqual({});
    expect(requirementsOf('SELECT * FROM c WHERE c.type = @t', [p('@t', 3)])).toEqual({});
    expect(
      requirementsOf('SELECT * FROM c WHERE ARRAY_CONTAINS(@t, c.pk)', [p('@t', 'x')]),
    ).toEqual({});
  });

  it('should read a sign-in lookup by UPN inside the repository’s parentheses', () => {
    expect(
      requirementsOf(
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type AND (c.upn = @upn)',
        [p('@tenantId', 't'), p('@type', 'person'), p('@upn', 'a@b.example')],
      ),
    ).toEqual({ type: ['person'], upn: ['a@b.example'] });
  });

  it('should ignore AND and OR inside quoted text', () => {
    expect(
      requirementsOf("SELECT * FROM c WHERE c.name = 'salt OR pepper' AND c.type = 'dish'", []),
    ).toEqual({ type: ['dish'] });
  });

  it('should keep only the values two conditions on one field share', () => {
    expect(
      requirementsOf('SELECT VALUE COUNT(1) FROM c WHERE c.pk = @a AND ARRAY_CONTAINS(@b, c.pk)', [
        p('@a', 'x'),
        p('@b', ['x', 'y']),
      ]),
    ).toEqual({ pk: ['x'] });
  });
});
