import { describe, expect, it } from 'vitest';
import {
  arrayItems,
  type BicepDeclaration,
  BicepEvaluationError,
  type BicepFile,
  BicepSyntaxError,
  conditional,
  evaluate,
  objectEntries,
  propertyAt,
  readBicep,
  referencedNames,
  resourceBody,
  type SampleValues,
  stringLiteral,
  stringParts,
} from './bicep-reader.js';

function resource(file: BicepFile, name: string): BicepDeclaration {
  const found = file.resources.get(name);
  if (found === undefined) throw new Error(`No resource ${name}`);
  return found;
}

const noSamples: SampleValues = {
  parameters: new Map(),
  resourceProperties: new Map(),
  expressions: new Map(),
};

const sample = `// A comment with a brace { that must not count
targetScope = 'resourceGroup'

@minLength(3)
@allowed([
  'one'
  'two'
])
@description('It\\'s a name: {not a brace}')
param baseName string

param count int = 2

/* A block comment
   with ] and } inside */
var prefix = 'x-\${toLower(baseName)}-{literal}'
var items = [
  { name: 'a', key: '/a' }
  { name: 'b', key: '/b' }
]
var text = '''
multi-line } with a brace
'''

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: '\${prefix}site'
  properties: {
    enabled: true // trailing comment
    url: 'https://\${site.properties.defaultHostName}/\${contains(baseName, '}') ? 'a' : 'b'}'
  }
}

resource children 'Microsoft.Web/sites/config@2024-04-01' = [
  for item in items: {
    parent: site
    name: item.name
  }
]

resource maybe 'Microsoft.Web/sites/slots@2024-04-01' = if (count > 1) {
  name: 'slot'
}

output SITE_URL string = site.properties.defaultHostName
`;

describe('the Bicep reader', () => {
  it('should find each top-level declaration with its decorators, type and value', () => {
    const file = readBicep(sample);
    expect(
      file.declarations.map((declaration) => `${declaration.keyword} ${declaration.name}`),
    ).toEqual([
      'other targetScope',
      'param baseName',
      'param count',
      'var prefix',
      'var items',
      'var text',
      'resource site',
      'resource children',
      'resource maybe',
      'output SITE_URL',
    ]);
    const baseName = file.params.get('baseName');
    expect(baseName?.decorators).toHaveLength(3);
    expect(baseName?.value).toBeUndefined();
    expect(baseName?.type).toBe('string');
    expect(file.params.get('count')?.value).toBe('2');
    expect(file.resources.get('site')?.type).toBe('Microsoft.Web/sites@2024-04-01');
    expect(file.outputs.get('SITE_URL')).toMatchObject({
      type: 'string',
      value: 'site.properties.defaultHostName',
    });
  });

  it('should read nested object entries, comments removed, and ignore brackets inside strings', () => {
    const file = readBicep(sample);
    const site = resourceBody(resource(file, 'site'));
    expect(propertyAt(site.body, ['properties', 'enabled'])).toBe('true');
    expect(stringParts(propertyAt(site.body, ['properties', 'url']) ?? '')).toEqual([
      { kind: 'text', text: 'https://' },
      { kind: 'expression', expression: 'site.properties.defaultHostName' },
      { kind: 'text', text: '/' },
      { kind: 'expression', expression: "contains(baseName, '}') ? 'a' : 'b'" },
    ]);
    expect(stringLiteral(file.vars.get('text')?.value ?? '')).toBe('\nmulti-line } with a brace\n');
    expect(
      arrayItems(file.vars.get('items')?.value ?? '')?.map((item) =>
        objectEntries(item)?.get('key'),
      ),
    ).toEqual(["'/a'", "'/b'"]);
  });

  it('should unwrap resource loops and conditions', () => {
    const file = readBicep(sample);
    const children = resourceBody(resource(file, 'children'));
    expect(children.loop).toEqual({ item: 'item', source: 'items' });
    expect(propertyAt(children.body, ['name'])).toBe('item.name');
    const maybe = resourceBody(resource(file, 'maybe'));
    expect(maybe.loop).toBeUndefined();
    expect(propertyAt(maybe.body, ['name'])).toBe("'slot'");
  });

  it('should evaluate strings with interpolation from sample values and refuse what it cannot know', () => {
    const file = readBicep(sample);
    const samples: SampleValues = { ...noSamples, parameters: new Map([['baseName', 'LastMile']]) };
    expect(evaluate(file, 'prefix', samples)).toBe('x-lastmile-{literal}');
    expect(evaluate(file, 'site.name', samples)).toBe('x-lastmile-{literal}site');
    expect(() => evaluate(file, 'site.properties.defaultHostName', samples)).toThrow(
      BicepEvaluationError,
    );
    expect(() => evaluate(file, 'baseName', noSamples)).toThrow(/no value and no default/);
    expect(evaluate(file, 'count', noSamples)).toBe('2');
  });

  it('should split conditionals and list the symbols an expression refers to', () => {
    expect(conditional("serverless ? [{ name: 'EnableServerless' }] : []")).toEqual({
      condition: 'serverless',
      whenTrue: "[{ name: 'EnableServerless' }]",
      whenFalse: '[]',
    });
    expect(conditional("a.b ?? 'x'")).toBeUndefined();
    expect(
      [...referencedNames("{ value: secret, other: '${site.id}-secretText' }")].sort(),
    ).toEqual(['secret', 'site']);
  });

  it.each([
    ['an unclosed brace', 'var a = {\n  b: 1\n', /unclosed \{ at line 1/],
    ['a mismatched bracket', 'var a = [\n  1\n}', /closed by \} at line 3/],
    ['an extra closer', 'var a = 1\n}', /unmatched \} at line 2/],
    [
      'an unterminated string',
      "var a = 'abc\nvar b = 1",
      /string does not end on its line at line 1/,
    ],
    ['an unterminated comment', 'var a = 1 /* open', /comment does not end at line 1/],
    ['a duplicate declaration', 'var a = 1\nvar a = 2', /declared twice/],
    ['a duplicate key', 'var a = {\n  b: 1\n  b: 2\n}', /appears twice/],
  ])('should reject %s', (_name, source, message) => {
    expect(() => {
      const file = readBicep(source);
      for (const declaration of file.declarations) objectEntries(declaration.value ?? '');
    }).toThrow(BicepSyntaxError);
    expect(() => {
      const file = readBicep(source);
      for (const declaration of file.declarations) objectEntries(declaration.value ?? '');
    }).toThrow(message);
  });
});
