import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as library from './index';

/** Every .ts file under `dir` that is not a test, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|testing)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('@app/statistics public exports', () => {
  it('holds only code an app or another library uses; what only tests use is in disclosure.testing', () => {
    const root = join(__dirname, '..', '..', '..');
    const text = [...sources(join(root, 'apps')), ...sources(join(root, 'libs')).filter((p) => !p.includes(join('libs', 'statistics')))]
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = Object.keys(library).filter((name) => !new RegExp(`\\b${name}\\b`).test(text));
    expect(unused).toEqual([]);
  });
});
