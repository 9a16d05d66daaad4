/**
 * Regenerates test/fixtures/home-office-form.json from a clone of the Home Office's NRM / Duty to Notify form
 * (github.com/UKHomeOffice/modern-slavery): its steps in order, every field with its kind, options and English
 * question wording, its lists, and the request bodies of its own test journeys (the passing journeys and the
 * validation checks). The form is read, not copied into code: the fixture is data a test reads, with the
 * commit it came from named inside it.
 *
 *   npm run -s build:tools && node dist-tools/scripts/home-office-form-fixture.js --git-dir <clone>/.git [--commit <sha>]
 *
 * The form's JavaScript modules (fields, steps, lists, test specs) are evaluated in a `node:vm` context whose
 * `require` hands back stand-ins, so nothing of the form runs with access to this process.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

interface Option {
  value: string;
  label?: string;
}

interface FieldDefinition {
  mixin?: string;
  validate?: unknown;
  options?: Array<string | Option>;
  dependent?: { value: string; field: string };
  legend?: { className?: string };
  labelClassName?: string | string[];
  validationLink?: { value: string; field: string };
}

interface StepDefinition {
  fields?: string[];
  next?: string;
  forks?: Array<{ target: string; condition: unknown }>;
}

interface Recorded {
  spec: string;
  test: string;
  uri: string;
  body: Record<string, unknown>;
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const gitDir = arg('--git-dir');
if (!gitDir) {
  process.stderr.write('usage: home-office-form-fixture --git-dir <clone of UKHomeOffice/modern-slavery>/.git [--commit <sha>] [--out <file>]\n');
  process.exit(2);
}
const git = (...a: string[]): string => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const commit = git('rev-parse', arg('--commit') ?? 'HEAD').trim();
const committedAt = git('show', '-s', '--format=%cI', commit).trim();
const show = (path: string): string => git('show', `${commit}:${path}`);

/** A stand-in for anything the form requires that is not one of its lists: callable, and every property is one too. */
function standIn(): unknown {
  const fn = function () {
    return standIn();
  };
  return new Proxy(fn, { get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : standIn()) });
}

function listModule(path: string): Option[] {
  return evaluate(path) as Option[];
}

function evaluate(path: string, globals: Record<string, unknown> = {}): unknown {
  const module = { exports: {} as unknown };
  const dir = path.split('/').slice(0, -1).join('/');
  const require = (spec: string): unknown => {
    const resolved = spec.startsWith('.') ? join(dir, spec).replace(/\.js$/, '') : spec;
    if (resolved.startsWith('ms-lists/') && !resolved.endsWith('email_domains')) return listModule(`${resolved}.js`);
    if (resolved === 'apps/nrm/util/filtered-countries') {
      return { countriesExcludingUK: listModule('ms-lists/ms_countries.js').filter((c) => c.value !== 'United Kingdom') };
    }
    if (spec === 'lodash') return { sortBy: (list: Option[], by: (o: Option) => string) => [...list].sort((a, b) => by(a).localeCompare(by(b))) };
    if (spec === 'hof') return { components: { date: (_key: string, options: object) => options, summary: standIn() } };
    return standIn();
  };
  const context = createContext({ module, exports: module.exports, require, console: { log() {}, warn() {}, error() {} }, ...globals });
  runInContext(show(path), context, { filename: path, timeout: 5000 });
  return module.exports;
}

/** Every `passStep(uri, body)` a test spec of the form makes, with the test that makes it. */
async function recordSpec(path: string): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const tests: Array<{ name: string; fn: () => unknown }> = [];
  const prefix: string[] = [];
  const chain: unknown = new Proxy(function () {}, { get: () => chain, apply: () => chain });
  let current = '';
  const app = {
    initSession: () => Promise.resolve(undefined),
    getUrl: () => Promise.resolve({ text: '' }),
    parseHtml: () => Promise.resolve({ find: () => ({ length: 0, html: () => '' }) }),
    // Called by the form's own JavaScript tests, which may post no body.
    passStep: (uri: string, body: Record<string, unknown> | undefined) => {
      recorded.push({ spec: path.split('/').pop() ?? path, test: current, uri, body: JSON.parse(JSON.stringify(body ?? {})) as Record<string, unknown> });
      return Promise.resolve({ text: '' });
    },
  };
  const describe = (name: string, fn: () => void) => {
    prefix.push(name);
    fn();
    prefix.pop();
  };
  evaluate(path, {
    describe,
    context: describe,
    before: (fn: () => void) => fn(),
    beforeEach: () => undefined,
    it: (name: string, fn: () => unknown) => tests.push({ name: [...prefix.slice(1), name].join(' › '), fn }),
    expect: () => chain,
    getSupertestApp: () => app,
  });
  for (const test of tests) {
    current = test.name;
    try {
      await test.fn();
    } catch {
      // A test that reads a page after posting has nothing to read here; its posted body is what matters.
    }
  }
  return recorded;
}

async function main(): Promise<void> {
  const fields = evaluate('apps/nrm/fields/index.js') as Record<string, FieldDefinition>;
  const app = evaluate('apps/nrm/index.js') as { steps: Record<string, StepDefinition> };
  const wording = JSON.parse(show('apps/nrm/translations/src/en/fields.json')) as Record<
    string,
    { legend?: string; label?: string; options?: Record<string, { label?: string } | string> }
  >;
  const pages = JSON.parse(show('apps/nrm/translations/src/en/pages.json')) as Partial<Record<string, { header?: string }>>;

  const steps = Object.entries(app.steps)
    .filter(([, step]) => step.fields?.length)
    .map(([path, step]) => ({ path, fields: step.fields ?? [], question: pages[path.slice(1)]?.header ?? null }));
  const stepOf = new Map(steps.flatMap((s) => s.fields.map((f) => [f, s] as const)));

  const fieldList = Object.entries(fields).map(([name, f]) => {
    const words = wording[name] ?? {};
    const choices = (f.options ?? []).map((o) => (typeof o === 'string' ? o : o.value)).filter((v) => v !== '');
    const multipleChoice = f.mixin === 'radio-group' || f.mixin === 'checkbox-group';
    const optionLabels = multipleChoice
      ? Object.fromEntries(
          choices.map((v) => [
            v,
            (() => {
              const o = words.options?.[v];
              return typeof o === 'string' ? o : (o?.label ?? v);
            })(),
          ]),
        )
      : undefined;
    const validate = ([] as unknown[]).concat(f.validate ?? []);
    const maxlength = validate.find(
      (v): v is { type: string; arguments: unknown } => typeof v === 'object' && v !== null && (v as { type?: string }).type === 'maxlength',
    );
    // A question whose own legend or label is hidden is asked by its page's heading.
    const hidden = /visually-?hidden/.test(`${f.legend?.className ?? ''} ${([] as string[]).concat(f.labelClassName ?? []).join(' ')}`);
    const page = stepOf.get(name)?.question ?? null;
    return {
      name,
      mixin: f.mixin ?? null,
      step: stepOf.get(name)?.path ?? null,
      page,
      question: (hidden ? (page ?? words.legend ?? words.label) : (words.legend ?? words.label ?? page)) ?? null,
      required: validate.includes('required'),
      maxLength: maxlength ? Number(([] as unknown[]).concat(maxlength.arguments)[0]) : null,
      dependsOn: f.dependent ?? f.validationLink ?? null,
      ...(multipleChoice ? { options: choices, optionLabels } : {}),
      ...(f.mixin === 'select' ? { list: choices.length } : {}),
    };
  });

  const lists = {
    nationalities: listModule('ms-lists/ms_nationalities.js').map((o) => o.value),
    countries: listModule('ms-lists/ms_countries.js').map((o) => o.value),
    ukCitiesAndTowns: listModule('ms-lists/ms_uk_cities_and_towns.js').map((o) => o.value),
    ukRegions: listModule('ms-lists/ms_uk_regions.js').map((o) => o.value),
    ukPoliceForces: listModule('ms-lists/ms_uk_police_forces.js').map((o) => o.value),
    ukLocalAuthorities: listModule('ms-lists/ms_uk_local_authorities.js').map((o) => o.value),
    organisations: listModule('ms-lists/ms_organisations.js').map((o) => o.value),
  };

  const sessionData: Record<string, unknown> = {};
  const pagesDir = 'test/helpers/supertest_session/session-data/nrm/pages/';
  for (const file of git('ls-tree', '--name-only', commit, pagesDir).split('\n').filter(Boolean)) {
    sessionData[file.slice(pagesDir.length).replace(/\.js$/, '')] = evaluate(file);
  }

  const journeys = {
    adult: await recordSpec('test/_ui-integration/nrm/application.spec.js'),
    child: await recordSpec('test/_ui-integration/nrm/automatic-referral-application.spec.js'),
    refused: await recordSpec('test/_ui-integration/nrm/validations.spec.js'),
  };

  const fixture = {
    source: { repository: 'https://github.com/UKHomeOffice/modern-slavery', commit, committedAt, generatedBy: 'scripts/home-office-form-fixture.ts' },
    steps: steps.map(({ path, fields: f }) => ({ path, fields: f })),
    fields: fieldList,
    lists,
    sessionData,
    journeys,
  };
  const out = arg('--out') ?? 'test/fixtures/home-office-form.json';
  writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
  // The wording the answers page shows beside each answer: the form's own, page heading and question.
  const questions = Object.fromEntries(
    fieldList
      .filter((f) => f.question)
      .map((f) => [
        f.name,
        {
          ...(f.page && f.page !== f.question ? { page: f.page } : {}),
          question: f.question,
          // The choices' words, so that an answer reads as the form shows it ("UK and Overseas", not uk-and-overseas).
          ...(f.optionLabels ? { options: f.optionLabels } : {}),
          ...(f.mixin === 'checkbox' ? { checkbox: true } : {}),
          ...(f.mixin === 'input-date' ? { date: true } : {}),
        },
      ]),
  );
  writeFileSync(
    arg('--questions-out') ?? 'apps/intake/src/referrals/home-office-questions.ts',
    `// Generated by scripts/home-office-form-fixture.ts from ${fixture.source.repository} at ${commit}\n` +
      `// (apps/nrm/translations/src/en): the form's English wording of each question, keyed by its field name.\n` +
      `export interface HomeOfficeQuestion {\n` +
      `  readonly page?: string;\n` +
      `  readonly question: string;\n` +
      `  /** A choice's words by its value. */\n` +
      `  readonly options?: Readonly<Record<string, string>>;\n` +
      `  /** A single checkbox: its value means ticked. */\n` +
      `  readonly checkbox?: true;\n` +
      `  /** A date input. */\n` +
      `  readonly date?: true;\n` +
      `}\n` +
      `export const HOME_OFFICE_QUESTIONS: Readonly<Partial<Record<string, HomeOfficeQuestion>>> = ${JSON.stringify(questions, null, 2)};\n`,
  );
  process.stdout.write(
    `${out}: ${steps.length} steps, ${fieldList.length} fields (${fieldList.filter((f) => f.options).length} multiple-choice), ` +
      `${Object.entries(lists)
        .map(([k, v]) => `${k} ${v.length}`)
        .join(', ')}; journeys adult ${journeys.adult.length}, child ${journeys.child.length}, refused ${journeys.refused.length}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as { stack?: string }).stack ?? String(error)}\n`);
  process.exit(1);
});
