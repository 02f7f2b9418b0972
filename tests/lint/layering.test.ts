import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the one-way import rule (npm run lint)', () => {
  it('should fail a domain file that imports from storage', async () => {
    const messages = await restrictedImports(
      'src/domain/fixture-rule.ts',
      "import { CosmosRepository } from '../storage/repository.js';\nexport const x = CosmosRepository;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/domain is pure/);
  });

  it('should let a domain file import contracts', async () => {
    const messages = await restrictedImports(
      'src/domain/fixture-rule.ts',
      "import { roles } from '../contracts/identity.js';\nexport const x = roles;\n",
    );
    expect(messages).toEqual([]);
  });

  it('should fail contracts that import the domain', async () => {
    const messages = await restrictedImports(
      'src/contracts/fixture-rule.ts',
      "import { AppError } from '../domain/errors.js';\nexport const x = AppError;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('should fail an API router that imports storage directly', async () => {
    const messages = await restrictedImports(
      'src/api/fixture-rule.ts',
      "import { openStorage } from '../storage/storage.js';\nexport const x = openStorage;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('should fail the bot importing storage and the tab importing anything but contracts', async () => {
    expect(
      await restrictedImports(
        'bot/fixture-rule.ts',
        "import { openStorage } from '../src/storage/storage.js';\nexport const x = openStorage;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'tab/src/fixture-rule.ts',
        "import { AppError } from '../../src/domain/errors.js';\nexport const x = AppError;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'tab/src/fixture-rule.ts',
        "import { roles } from '../../src/contracts/identity.js';\nexport const x = roles;\n",
      ),
    ).toEqual([]);
  });
});
