import { describe, expect, it } from 'vitest';
import {
  detectVariables,
  missingValues,
  reconcileVariables,
  templateSegments,
  variableLabel,
} from './template-variables.js';

describe('templateSegments', () => {
  it('should split a body into text and placeholders, keeping every character', () => {
    const body = 'Write to {{client}} about {{ topic }}.';
    const segments = templateSegments(body);
    expect(segments).toEqual([
      { kind: 'text', text: 'Write to ' },
      { kind: 'variable', name: 'client', text: '{{client}}' },
      { kind: 'text', text: ' about ' },
      { kind: 'variable', name: 'topic', text: '{{ topic }}' },
      { kind: 'text', text: '.' },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(body);
  });

  it('should leave braces that are not a valid variable as text', () => {
    expect(templateSegments('{{1st}} and {{}} and {{a-b}}')).toEqual([
      { kind: 'text', text: '{{1st}} and {{}} and {{a-b}}' },
    ]);
  });
});

describe('detectVariables', () => {
  it('should list each variable once, in order of first use', () => {
    expect(detectVariables('{{b}} {{a}} {{b}} {{ c_2 }}')).toEqual(['b', 'a', 'c_2']);
  });

  it('should find nothing in a body without placeholders', () => {
    expect(detectVariables('Summarise this report.')).toEqual([]);
  });
});

describe('reconcileVariables', () => {
  it('should keep what the author wrote for variables still used, add new ones and drop unused', () => {
    const existing = [
      { name: 'client', description: 'The client', default: 'Acme', required: false },
      { name: 'old', description: 'Gone', required: true },
    ];
    expect(reconcileVariables('{{topic}} for {{client}}', existing)).toEqual([
      { name: 'topic', description: '', required: true },
      existing[0],
    ]);
  });
});

describe('variableLabel', () => {
  it('should turn a variable name into words', () => {
    expect(variableLabel('client_name')).toBe('Client name');
    expect(variableLabel('topic')).toBe('Topic');
    expect(variableLabel('recipientName')).toBe('Recipient name');
    expect(variableLabel('keyPoints2')).toBe('Key points2');
  });
});

describe('missingValues', () => {
  it('should list the required variables with no value and no default', () => {
    const variables = [
      { name: 'a', description: '', required: true },
      { name: 'b', description: '', required: true, default: 'B' },
      { name: 'c', description: '', required: false },
      { name: 'd', description: '', required: true },
    ];
    expect(missingValues(variables, { a: '  ', d: 'x' })).toEqual(['a']);
    expect(missingValues(variables, { a: 'x', d: 'y' })).toEqual([]);
  });
});
