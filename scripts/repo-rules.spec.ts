import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

// A comment must point inside the repository: someone who clones it cannot follow a citation of a document the
// team keeps elsewhere. What the code relies on is written in docs/ (docs/domain.md, docs/conventions.md), with its
// public sources; this test keeps citations of outside documents from coming back.
const ROOT = join(__dirname, '..');
const SCANNED = ['apps', 'libs', 'test', 'bench', 'scripts'];
// Built from parts so that this file does not itself read as a citation to the repo's own checks.
const OUTSIDE = ['PRODUCT' + '\\.md', 'STYLE' + '\\.md', 'domain[- ]' + 'brief', 'product ' + 'brief', '\\.\\./' + 'shared\\b', '/work/' + 'shared'];
const OUTSIDE_CITATION = new RegExp(OUTSIDE.join('|'), 'i');

/** Every comment in a TypeScript or JavaScript source, with its 1-based line. */
export function commentsOf(fileName: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const found: { line: number; text: string }[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      found.push({ line: source.getLineAndCharacterOfPosition(r.pos).line + 1, text: text.slice(r.pos, r.end) });
    }
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    node.forEachChild(visit);
  };
  collect(ts.getLeadingCommentRanges(text, 0));
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return found;
}

/** Comments (or, in templates and stylesheets, any text) that cite a document outside the repository. */
export function outsideCitations(fileName: string, text: string): string[] {
  if (/\.(ts|js|mjs)$/.test(fileName)) {
    return commentsOf(fileName, text)
      .filter((c) => OUTSIDE_CITATION.test(c.text))
      .map((c) => `${fileName}:${c.line}`);
  }
  return text.split('\n').flatMap((line, i) => (OUTSIDE_CITATION.test(line) ? [`${fileName}:${i + 1}`] : []));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'results' ? [] : filesUnder(path);
    return /\.(ts|js|mjs|njk|css)$/.test(entry.name) ? [path] : [];
  });
}

describe('repository rules', () => {
  it('finds a citation in a comment and not in code', () => {
    const text = [
      "const dataDir = '../" + "shared/data';",
      '/** The referral (PRODUCT' + '.md "Referral"). */',
      'export const x = 1; // see the domain brief, section 7',
    ].join('\n');
    expect(outsideCitations('sample.ts', text)).toEqual(['sample.ts:2', 'sample.ts:3']);
  });

  it('has no comment citing a document outside the repository', () => {
    const offenders = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir))).flatMap((path) =>
      outsideCitations(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  // TypeORM orders and records a migration by the timestamp that ends its `name`; a file named otherwise misleads
  // whoever reads the folder in order (docs/conventions.md, 8).
  it('names each migration file by the timestamp its migration runs at', () => {
    const folders = ['libs/database/src/central/migrations', 'apps/ais/src/migrations', 'apps/lcs/src/migrations'];
    const mismatched = folders.flatMap((folder) =>
      readdirSync(join(ROOT, folder))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
        .filter((file) => {
          const name = /name = '[A-Za-z]*(\d{13})'/.exec(readFileSync(join(ROOT, folder, file), 'utf8'))?.[1];
          return name !== file.slice(0, 13);
        })
        .map((file) => `${folder}/${file}`),
    );
    expect(mismatched).toEqual([]);
  });

  it('lists every app and lib in nest-cli.json', () => {
    const projects = (JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as { projects: Record<string, { type: string; root: string }> }).projects;
    const listed = Object.values(projects)
      .map((p) => p.root)
      .sort();
    const present = ['apps', 'libs'].flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => `${dir}/${name}`)).sort();
    expect(listed).toEqual(present);
  });

  // TypeScript reads import aliases from tsconfig.json, swc (the build and Jest) from .swcrc, and neither can read the
  // other's file; this keeps the two lists one list. Jest maps every `@app/<lib>` by pattern (jest.config.js).
  it('declares the same import aliases in tsconfig.json and .swcrc', () => {
    const aliases = (file: string, at: (json: never) => Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(at(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as never))
          .map(([alias, targets]) => [alias, targets.map((t) => t.replace(/^\.\//, ''))] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    const typescript = aliases('tsconfig.json', (json: { compilerOptions: { paths: Record<string, string[]> } }) => json.compilerOptions.paths);
    const swc = aliases('.swcrc', (json: { jsc: { paths: Record<string, string[]> } }) => json.jsc.paths);
    expect(swc).toEqual(typescript);
    expect(Object.keys(typescript).length).toBeGreaterThan(10);
  });

  // Integration specs start their database, environment, mimics and apps through one function (docs/conventions.md,
  // 12), so a new spec copies one line and every file tears down alike; a need it lacks becomes an option there.
  it('starts every integration spec through startSystem', () => {
    const own = readdirSync(join(ROOT, 'test'))
      .filter((file) => file.endsWith('.int-spec.ts'))
      .filter((file) => {
        const text = readFileSync(join(ROOT, 'test', file), 'utf8');
        return !/from '\.\/support\/system'/.test(text) || /createTestDatabase|useTestEnvironment|startAis\(|startLcs\(|NestFactory\.create/.test(text);
      });
    expect(own).toEqual([]);
  });
});
