import { describe, expect, it } from 'vitest';
import { commandCatalog, commandNames, parseCommand } from './commands.js';

describe('parseCommand', () => {
  it.each(commandNames)('should recognise %s whatever its case and surrounding spaces', (name) => {
    expect(parseCommand(`  ${name.toUpperCase()}\n`)).toEqual({
      kind: 'command',
      name,
      argument: '',
    });
    expect(parseCommand(name)).toEqual({ kind: 'command', name, argument: '' });
  });

  it('should keep the words after the command as its argument', () => {
    expect(parseCommand('Flag  the summary was   wrong ')).toEqual({
      kind: 'command',
      name: 'flag',
      argument: 'the summary was   wrong',
    });
  });

  it('should forgive trailing sentence punctuation on the command', () => {
    expect(parseCommand('Help?')).toEqual({ kind: 'command', name: 'help', argument: '' });
    expect(parseCommand('lesson!')).toEqual({ kind: 'command', name: 'lesson', argument: '' });
  });

  it('should treat words that only contain a command as unknown', () => {
    expect(parseCommand('helpful')).toEqual({ kind: 'unknown', text: 'helpful' });
    expect(parseCommand('please help')).toEqual({ kind: 'unknown', text: 'please help' });
    expect(parseCommand('/help')).toEqual({ kind: 'unknown', text: '/help' });
  });

  it('should treat empty or missing text as unknown', () => {
    expect(parseCommand(undefined)).toEqual({ kind: 'unknown', text: '' });
    expect(parseCommand('   \t ')).toEqual({ kind: 'unknown', text: '' });
  });
});

describe('commandCatalog', () => {
  it('should describe every command exactly once, in one short line each', () => {
    expect(commandCatalog.map((command) => command.name)).toEqual([...commandNames]);
    for (const { summary } of commandCatalog) {
      expect(summary).not.toMatch(/\n/u);
      expect(summary.length).toBeGreaterThan(10);
      expect(summary.length).toBeLessThanOrEqual(100);
    }
  });
});
