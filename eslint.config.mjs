// Lint with zero warnings (`npm run lint`): typescript-eslint's strict type-checked rules over every TypeScript file,
// no `any` escape hatches, and the layer boundaries below.
import { dirname, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

// Layer boundaries (docs/architecture.md, docs/conventions.md 1 and 2), checked on every import, export-from,
// dynamic import() and require(): an app never imports another app, a lib never imports an app, and the pure libs
// (the rules) import no framework, database or queue package, nor a lib that does.
const ROOT = import.meta.dirname;

const PURE_LIBS = new Set(['domain', 'matching', 'statistics']);
const FRAMEWORK = /^(@nestjs\/|typeorm($|\/)|bullmq($|\/)|ioredis($|\/)|pg($|\/)|redis($|\/)|@app\/(?!domain|matching|statistics|countries|synth)[a-z-]+)/;

function boundaryViolation(file, specifier) {
  const [area, name] = relative(ROOT, file).split(sep);
  if (area !== 'apps' && area !== 'libs') return undefined;
  if (specifier.startsWith('.')) {
    const [toArea, toName] = relative(ROOT, resolve(dirname(file), specifier)).split(sep);
    if (toArea === 'apps' && !(area === 'apps' && toName === name)) {
      return area === 'apps' ? `apps/${name} imports apps/${toName}: an app never imports another app` : `libs/${name} imports apps/${toName}: a lib never imports an app`;
    }
    return undefined;
  }
  if (area === 'libs' && PURE_LIBS.has(name) && FRAMEWORK.test(specifier)) {
    return `libs/${name} imports ${specifier}: the domain, matching and statistics libs are plain TypeScript`;
  }
  return undefined;
}

const boundaries = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const check = (node, source) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
          const message = boundaryViolation(context.filename, source.value);
          if (message) context.report({ node, message });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    rules: {
      // Numbers read naturally in messages, ids and SQL fragments; every other type is spelled out with String().
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
      // Nest modules are decorated empty classes.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Response DTOs are classes (Swagger reads their metadata) but are built as object literals, as are Nest's
      // option classes; nothing relies on their prototypes.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Entities and DTOs are data classes without methods; spreading is how one is copied or merged.
      '@typescript-eslint/no-misused-spread': 'off',
      // `() => resolve()` and `(res) => res.end()` callbacks are clear as they are; a returned void elsewhere is not.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error' },
  },
  {
    // A malformed id in a path is refused one way, by UuidParamPipe (a 400 naming the parameter, a page's Page not
    // found); Nest's ParseUUIDPipe answers a bare message with no field.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/common/src/uuid-param.pipe.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@nestjs/common', importNames: ['ParseUUIDPipe'], message: 'Use UuidParamPipe from @app/common.' }] },
      ],
    },
  },
  {
    // Command-line scripts and benchmarks talk to a terminal.
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Jest's asymmetric matchers (expect.any, expect.stringContaining) are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // supertest types every response body `any` (and superagent's Response cannot be re-typed by declaration
    // merging), so an integration test reads fields of the body it asserts on: `res.body.items[0].id`. The
    // assertions are the check on that shape. Passing a body's `any` on into typed code is still refused
    // (no-unsafe-argument): such a value is given its type where it is read.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Ids read from bodies go into paths: `/v1/referrals/${res.body.id}`.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: true, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
    },
  },
);
