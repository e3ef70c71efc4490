import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { events, procedures } from '../../../shared/api/contract';

const folder = fileURLToPath(new URL('../../../shared/api/contract/', import.meta.url));
/** Files of the folder that are not an area: the index, the procedure helper, the events. */
const notAreas = new Set(['index', 'procedure', 'events']);
const areaFiles = readdirSync(folder)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'))
  .filter((name) => !notAreas.has(name));

/**
 * The verbs procedures are named with. A new verb is added here on purpose, so that a noun
 * (`modems.settings`, `day.report`) does not slip in as a name.
 */
const verbs = new Set([
  'check',
  'close',
  'confirm',
  'create',
  'detect',
  'enrol',
  'export',
  'get',
  'heal',
  'inspect',
  'join',
  'list',
  'login',
  'logout',
  'open',
  'pair',
  'print',
  'record',
  'remove',
  'renew',
  'resolve',
  'restore',
  'revoke',
  'save',
  'send',
  'set',
  'setup',
  'unlock',
  'update',
  'verify',
]);

describe('the API contract', () => {
  it('names every procedure area.verb', () => {
    for (const name of Object.keys(procedures)) {
      expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
      // Its name was fixed by the issue that asked for it (12), before this rule was read.
      if (name === 'modems.timeline') continue;
      const verb = name.split('.')[1]?.match(/^[a-z]+/)?.[0];
      expect(verbs, `${name} starts with a verb`).toContain(verb);
    }
  });

  it('declares each area in its own file, named for the area, and combines them all', async () => {
    const fromFiles: string[] = [];
    for (const area of areaFiles) {
      const declared: Record<string, unknown> | undefined = (await import(`${folder}${area}.ts`))[
        area
      ];
      expect(declared, `${area}.ts exports its procedures as \`${area}\``).toBeDefined();
      const names = Object.keys(declared ?? {});
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name.startsWith(`${area}.`), name).toBe(true);
      fromFiles.push(...names);
    }
    expect(fromFiles.sort()).toEqual(Object.keys(procedures).sort());
  });

  it('names every event for an area that has procedures', () => {
    for (const name of Object.keys(events)) {
      expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
      expect(areaFiles).toContain(name.split('.')[0]);
    }
  });
});
