/**
 * The architecture's import rules (eslint.config.js) on hand-written imports: the pure core may import its own
 * folders, even those named like app folders (src/core/sketch beside src/sketch), and nothing above src/core.
 * Each case says, from the file's place, which folder the import reaches.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function refused(filePath: string, from: string): Promise<boolean> {
  const [r] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return r!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries of the pure core', () => {
  it.each([
    // [file, import, reaches, refused]
    ['src/core/model/project.ts', '../sketch/geometry', 'src/core/sketch', false],
    ['src/core/model/project.ts', '../../sketch/sketch-doc', 'src/sketch', true],
    ['src/core/model/project.ts', '../export/manifest', 'src/core/export', false],
    ['src/core/model/project.ts', '../../export/run-export', 'src/export', true],
    ['src/core/model/project.ts', '../../state', 'src/state', true],
    ['src/core/model/project.ts', '../../protocol/jobs', 'src/protocol', true],
    ['src/core/model/project.ts', '../../../tests/x', 'tests/', true],
    ['src/core/io/osm/import.ts', '../../sketch/rules', 'src/core/sketch', false],
    ['src/core/io/osm/import.ts', '../../../sketch/rules', 'src/sketch', true],
    ['src/core/io/osm/import.ts', '../../../map/x', 'src/map', true],
    ['src/core/index.ts', './sketch/rules', 'src/core/sketch', false],
    ['src/core/index.ts', '../ui/App', 'src/ui', true],
    ['src/protocol/jobs.ts', '../core/jobs', 'src/core', false],
    ['src/protocol/jobs.ts', '../state', 'src/state', true],
  ] as const)('%s imports %s (%s): refused %s', async (file, from, _reaches, expected) => {
    expect(await refused(file, from)).toBe(expected);
  });

  it('refuses UI libraries and Node APIs in the core', async () => {
    expect(await refused('src/core/model/a.ts', 'react')).toBe(true);
    expect(await refused('src/core/model/a.ts', 'node:fs')).toBe(true);
    expect(await refused('src/core/model/a.ts', 'zod')).toBe(false);
  });
});
