import type { AuditOptions, DisclosureAudit, SuppressedCellRange } from './disclosure-audit';
import { CellGroupCache, CellRelation, CompletionProblem, holds } from './disclosure-completion';
import type {
  DisclosureControlled,
  PublishedBreakdown,
  PublishedCell,
  PublishedCrossTab,
  PublishedTablesSharingTotal,
  Suppression,
  TablesSharingTotal,
} from './disclosure-control';
import { BreakdownShape, CrossTabShape, Layout, TableCellRef, layOut } from './disclosure-layout';
import { sharedTotalNetwork } from './disclosure-network';
import { FindRecoverable, protect } from './disclosure-protect';
import { publishLaidOut } from './disclosure-publish';
import { PublishedCount, SMALLEST_SUPPRESSED, SUPPRESSED, SuppressionReason, isSmallCount } from './disclosure-rule';
import { InconsistentPublishedTableError, TableInvariantError } from './statistics.errors';
import { Cell, assertBreakdownSumsToTotal, assertCrossTabSumsToTotals } from './table';

/**
 * Populations published side by side whose figures are related cell by cell: adults' and children's referrals add
 * up to all referrals, table by table and category by category. Each population protected on its own is not
 * enough: a reader holding the adults' and the all-population tables subtracts and reads the children's "c"
 * (GSS and DfE secondary suppression: no suppressed cell may be derivable "from totals and other cells", and the
 * other populations' cells are such cells). So the populations are protected together, as one two-way table of
 * population × category per table, and audited together as a reader holding every one of them would read them.
 */
export interface LinkedPopulations<T> {
  /** Each population's tables, by a name the links use. */
  readonly populations: Readonly<Record<string, T>>;
  readonly links: readonly PopulationLink[];
}

/**
 * How populations relate, cell by cell (cells are matched by table and category; a category one population does
 * not show is 0 there):
 * - `partition`: the parts add up to the whole (referrals and decisions: a referral is an adult's or a child's);
 * - `cover`: the parts add up to the whole and those in two parts at once, a count no one publishes but a reader
 *   can subtract, so 1 to 5 of them is protected like a "c"; the whole's total and overlapping counts are at least
 *   each part's (individuals: a person referred as a child and again as an adult is one individual of all, shown
 *   by their earliest referral, and one of each part);
 * - `within`: every cell of `inner` is at most the same cell of `outer` (individuals at most referrals);
 * - `grows`: every cell of `later` is the same cell of `earlier` and a count of 0 or more published nowhere (two
 *   revisions of one report, the later holding the earlier's records and late ones: what a reader comparing them
 *   may assume). See `linkRevisions`.
 */
export type PopulationLink =
  | {
      readonly relation: 'partition' | 'cover';
      readonly parts: readonly string[];
      readonly whole: string;
      /**
       * For a `cover`: whether the count of those in two parts at once is guarded like a "c" (the default). Not for
       * parts that are periods whose overlap the whole already publishes (individuals by quarter beside the year's
       * individuals): the relations still hold, but the overlap is no more secret than the publication makes it.
       */
      readonly guardOverlap?: boolean;
    }
  | { readonly relation: 'within'; readonly inner: string; readonly outer: string }
  | { readonly relation: 'grows'; readonly earlier: string; readonly later: string };

/**
 * Counts of parts of a population that may overlap, published with its tables (people by quarter: a person
 * referred in two quarters counts in both). Each is at most the total, and together they are at least it.
 */
export interface OverlappingCounts {
  readonly dimension: string;
  readonly cells: readonly Cell[];
}

export interface PublishedOverlappingCounts {
  readonly dimension: string;
  readonly cells: readonly PublishedCell[];
}

/** One population's tables sharing its total, as `suppressTablesSharingTotal` takes them, and overlapping counts. */
export interface PopulationTables extends TablesSharingTotal {
  readonly overlapping?: OverlappingCounts;
}

export interface PublishedPopulationTables extends PublishedTablesSharingTotal {
  readonly overlapping?: PublishedOverlappingCounts;
}

/** A population's tables as published, for the auditor. */
export interface PublishedPopulation {
  readonly breakdowns?: readonly PublishedBreakdown[];
  readonly crossTabs?: readonly PublishedCrossTab[];
  readonly overlapping?: PublishedOverlappingCounts;
}

/** A cell of one of the linked populations; an overlapping count is named like a breakdown cell. */
export interface LinkedCellRef {
  readonly population: string;
  readonly cell: TableCellRef;
}

/**
 * Protects linked populations together: counts of 1 to 5 anywhere in any of them, then complementary cells until
 * no "c" in any population can be worked out from everything published in all of them. Each population's
 * published tables come from this one result.
 *
 * With `earlier` (the same populations as an earlier revision published them), the new revision is protected
 * together with it, for a reader who holds both (see `linkRevisions`): every cell that earlier revision showed as
 * "c" stays "c" while it is not 0 (a count that grew from 5 to 6 shown as 6 would tell that it was 5 or less, and,
 * with the total up by one, that it was 5), and while the two revisions read together still let a "c" of either be
 * worked out, the new revision hides more: the same cell, else the smallest cell summed with it, else the smallest
 * cell of its population. The earlier revision is already published and never changes. The caller audits the
 * result with `linkRevisions` as the final gate.
 */
export function suppressLinkedPopulations(
  linked: LinkedPopulations<PopulationTables>,
  { earlier }: { readonly earlier?: LinkedPopulations<PublishedPopulation> } = {},
): DisclosureControlled<Record<string, PublishedPopulationTables>, LinkedCellRef> & { readonly withEarlier?: SafetyProof } {
  for (const [name, tables] of Object.entries(linked.populations)) {
    (tables.breakdowns ?? []).forEach(assertBreakdownSumsToTotal);
    (tables.crossTabs ?? []).forEach(assertCrossTabSumsToTotals);
    const overlapping = tables.overlapping;
    overlapping?.cells.forEach(({ label, count }) => {
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new TableInvariantError('not_a_count', `${name} ${overlapping.dimension} "${label}" is ${count}, not a count`);
      }
    });
  }
  const model = exactModel(linked);
  const values = model.counts;
  const where = (cell: number): string => describe(model.refs[cell]);
  const broken = model.relations.find((relation) => !holds(relation, values));
  if (broken) {
    throw new TableInvariantError(
      'populations_disagree',
      `linked populations disagree: ${broken.members.map(where).join(' + ')} ${broken.kind === 'sum' ? '≠' : '<'} ${broken.totals.map(where).join(' + ')}`,
    );
  }
  const negative = values.findIndex((value, cell) => model.hidden[cell] && value < 0);
  if (negative >= 0) throw new TableInvariantError('populations_disagree', `linked populations disagree: ${where(negative)} is less than its parts`);
  const findRecoverable = recoverableGivenTruth(model, values);
  if (!earlier) return publishedOf(linked, model, protect(model, values, findRecoverable, { innerFirst: true }));

  const cellOf = new Map<string, number>();
  model.refs.forEach((ref, cell) => {
    if (!model.hidden[cell]) cellOf.set(cellKeyOf(ref.population, ref.cell), cell);
  });
  const forced = values.map(() => false);
  const before = publishedModel(earlier);
  before.counts.forEach((count, i) => {
    const cell = before.hidden[i] ? undefined : cellOf.get(cellKeyOf(before.refs[i].population, before.refs[i].cell));
    if (count === SUPPRESSED && cell !== undefined) forced[cell] = true;
  });
  // Protected as if alone first: where that already hides every earlier "c" (figures unchanged, or changed little),
  // it is the answer, the same pattern a generation with the same figures gave before. Otherwise its own "c"s are
  // kept with the earlier ones, so that forcing the earlier ones does not send the greedy choice elsewhere.
  let reasons = protect(model, values, findRecoverable, { innerFirst: true });
  if (forced.some((force, cell) => force && reasons[cell] === undefined && values[cell] > 0)) {
    reasons.forEach((reason, cell) => (forced[cell] ||= reason !== undefined));
    reasons = protect(model, values, findRecoverable, { innerFirst: true, forced });
  }
  for (;;) {
    const result = publishedOf(linked, model, reasons);
    const proof = proveRevisionsSafe(earlier, linked, result.published);
    if (proof.safe) return { ...result, withEarlier: proof };
    const shown = (cell: number): boolean => reasons[cell] === undefined && !model.hidden[cell] && values[cell] > 0;
    const smallest = (cells: readonly number[]): number | undefined =>
      cells.filter(shown).sort((a, b) => Number(model.isMargin[a]) - Number(model.isMargin[b]) || values[a] - values[b] || a - b)[0];
    let more = false;
    for (const ref of proof.recoverable) {
      const name = ref.population.endsWith(EARLIER_REVISION) ? ref.population.slice(0, -EARLIER_REVISION.length) : ref.population;
      const same = cellOf.get(cellKeyOf(name, ref.cell));
      const family = model.families.find((f) => f.name === name);
      const own = family ? values.map((_, cell) => cell).filter((cell) => model.refs[cell].population === name) : values.map((_, cell) => cell);
      const related =
        same === undefined
          ? []
          : model.relations.filter((r) => r.kind === 'sum' && [...r.members, ...r.totals].includes(same)).flatMap((r) => [...r.members, ...r.totals]);
      const chosen = same !== undefined && shown(same) ? same : (smallest(related) ?? smallest(own) ?? smallest(values.map((_, cell) => cell)));
      if (chosen !== undefined && !forced[chosen]) {
        forced[chosen] = true;
        more = true;
      }
    }
    // Nothing left to hide: the caller's gate refuses to publish it.
    if (!more) return { ...result, withEarlier: proof };
    reasons.forEach((reason, cell) => (forced[cell] ||= reason !== undefined));
    reasons = protect(model, values, findRecoverable, { innerFirst: true, forced });
  }
}

/** Whether any "c" can be worked out, and which ones: `safe` is a proof (see `proveLinkedPopulationsSafe`). */
export interface SafetyProof {
  readonly safe: boolean;
  readonly recoverable: readonly LinkedCellRef[];
}

/**
 * `proveLinkedPopulationsSafe` of two revisions read together (`linkRevisions`), the later one's true counts at
 * hand. Where the later revision shows every earlier population exactly as the earlier did, with the same links,
 * there is nothing more to prove: every completion of the later one, with nothing added since the earlier, is one
 * of the two together, so no "c" moves less than it does
 * in the later revision alone (proved by the caller), and each earlier "c" moves with its later twin. Otherwise the search starts from the
 * later revision's true counts, with the earlier one's completed under them, when growth admits that.
 */
function proveRevisionsSafe(
  earlier: LinkedPopulations<PublishedPopulation>,
  later: LinkedPopulations<PopulationTables>,
  published: Readonly<Record<string, PublishedPopulation>>,
): SafetyProof {
  const laterLinks = new Set(later.links.map((link) => JSON.stringify(link)));
  const unchanged =
    Object.entries(earlier.populations).every(([name, tables]) => name in published && canonical(tables) === canonical(published[name])) &&
    earlier.links.every((link) => laterLinks.has(JSON.stringify(link)));
  if (unchanged) return { safe: true, recoverable: [] };
  const joint = linkRevisions(earlier, { populations: published, links: later.links });
  const underTruth = publishedModel({ populations: { ...joint.populations, ...later.populations }, links: joint.links });
  let start: number[] | undefined;
  try {
    const known = underTruth.counts.map((count) => (count === SUPPRESSED ? null : count));
    start = new CompletionProblem(underTruth.relations, known, lowerBoundsOf(underTruth, SMALLEST_SUPPRESSED)).completion();
  } catch (error) {
    if (!(error instanceof InconsistentPublishedTableError)) throw error;
  }
  return proveSafe(publishedModel(joint), SMALLEST_SUPPRESSED, start);
}

/** A population's published tables as a string, whatever else their objects carry (titles). */
function canonical(tables: PublishedPopulation): string {
  return JSON.stringify([
    (tables.breakdowns ?? []).map((b) => [b.dimension, b.total, b.cells.map((c) => [c.label, c.count])]),
    (tables.crossTabs ?? []).map((t) => [t.rowDimension, t.columnDimension, t.rows, t.columns, t.counts, t.rowTotals, t.columnTotals, t.total]),
    tables.overlapping ? [tables.overlapping.dimension, tables.overlapping.cells.map((c) => [c.label, c.count])] : null,
  ]);
}

/** The published tables of every population, given the reason (if any) each cell of the model is suppressed for. */
function publishedOf(
  linked: LinkedPopulations<PopulationTables>,
  model: Model<number>,
  reasons: readonly (SuppressionReason | undefined)[],
): DisclosureControlled<Record<string, PublishedPopulationTables>, LinkedCellRef> {
  const published: Record<string, PublishedPopulationTables> = {};
  const suppressions: Suppression<LinkedCellRef>[] = [];
  for (const family of model.families) {
    const own = reasons.slice(family.offset, family.offset + family.layout.counts.length);
    const tables = publishLaidOut(family.breakdowns, family.crossTabs, family.layout, own);
    tables.suppressions.forEach(({ cell, reason }) => suppressions.push({ cell: { population: family.name, cell }, reason }));
    const original = linked.populations[family.name];
    const shown = family.overlapping;
    const overlapping: PublishedOverlappingCounts | undefined = shown && {
      dimension: shown.dimension,
      cells: shown.cells.slice(0, original.overlapping?.cells.length).map(({ label, count }, i): PublishedCell => {
        const reason = reasons[family.overlappingOffset + i];
        if (reason) suppressions.push({ cell: { population: family.name, cell: { dimension: shown.dimension, label } }, reason });
        return { label, count: reason ? SUPPRESSED : count };
      }),
    };
    // The padded tables are the population's own, in order, with categories added after its own.
    const originalBreakdowns = original.breakdowns ?? [];
    const originalCrossTabs = original.crossTabs ?? [];
    published[family.name] = {
      breakdowns: tables.published.breakdowns.map((b, i) => ({ ...b, cells: b.cells.slice(0, originalBreakdowns[i].cells.length) })),
      crossTabs: tables.published.crossTabs.map((t, i) => unpad(t, originalCrossTabs[i])),
      ...(overlapping ? { overlapping } : {}),
    };
  }
  return { published, suppressions };
}

/** How the populations of an earlier revision are named when read beside the later one (`linkRevisions`). */
export const EARLIER_REVISION = ' (earlier revision)';

/**
 * Two revisions of the same linked populations as one reader holding both reads them, for the auditor: the earlier
 * revision's populations renamed with `EARLIER_REVISION`, each revision's own links, and a `grows` link from each
 * earlier population to the later one of the same name and tables. Late referrals and decisions only add records,
 * so a reader may assume every count only grew; corrections and merges of duplicate records can make a count fall,
 * and where the published figures of a group of linked populations rule growth out the reader knows the assumption
 * is false there. So growth is assumed wherever the published figures admit it: every `grows` link of a group if
 * they all fit, else as many as fit, one by one.
 */
export function linkRevisions(
  earlier: LinkedPopulations<PublishedPopulation>,
  later: LinkedPopulations<PublishedPopulation>,
): LinkedPopulations<PublishedPopulation> {
  const renamed = (name: string): string => `${name}${EARLIER_REVISION}`;
  const renameLink = (link: PopulationLink): PopulationLink => {
    switch (link.relation) {
      case 'within':
        return { ...link, inner: renamed(link.inner), outer: renamed(link.outer) };
      case 'grows':
        return { ...link, earlier: renamed(link.earlier), later: renamed(link.later) };
      default:
        return { ...link, parts: link.parts.map(renamed), whole: renamed(link.whole) };
    }
  };
  const populations: Record<string, PublishedPopulation> = { ...later.populations };
  Object.entries(earlier.populations).forEach(([name, tables]) => (populations[renamed(name)] = tables));
  const links = [...later.links, ...earlier.links.map(renameLink)];
  const grows: PopulationLink[] = Object.keys(earlier.populations)
    .filter((name) => name in later.populations && shapeOf(earlier.populations[name]) === shapeOf(later.populations[name]))
    .map((name) => ({ relation: 'grows', earlier: renamed(name), later: name }));

  // Groups of populations tied by links; growth in one group says nothing of another.
  const names = Object.keys(populations);
  const parent = new Map(names.map((name) => [name, name]));
  const find = (name: string): string => {
    while (stored(parent, name) !== name) name = stored(parent, name);
    return name;
  };
  for (const link of [...links, ...grows]) {
    const [first, ...rest] = linkNames(link);
    rest.forEach((name) => parent.set(find(name), find(first)));
  }
  const kept: PopulationLink[] = [];
  for (const root of new Set(names.map(find))) {
    const members = new Set(names.filter((name) => find(name) === root));
    const ownLinks = links.filter((link) => members.has(linkNames(link)[0]));
    const ownGrows = grows.filter((link) => members.has(linkNames(link)[0]));
    if (ownGrows.length === 0) continue;
    const group = (extra: readonly PopulationLink[]): LinkedPopulations<PublishedPopulation> => ({
      populations: Object.fromEntries([...members].map((name) => [name, populations[name]])),
      links: [...ownLinks, ...extra],
    });
    if (hasCompletion(group(ownGrows))) {
      kept.push(...ownGrows);
      continue;
    }
    const fitting: PopulationLink[] = [];
    for (const link of ownGrows) if (hasCompletion(group([...fitting, link]))) fitting.push(link);
    kept.push(...fitting);
  }
  return { populations, links: [...links, ...kept] };
}

function linkNames(link: PopulationLink): string[] {
  switch (link.relation) {
    case 'within':
      return [link.inner, link.outer];
    case 'grows':
      return [link.earlier, link.later];
    default:
      return [...link.parts, link.whole];
  }
}

/** Whether the published populations have a whole-number completion at all (a "c" at least 1). */
function hasCompletion(linked: LinkedPopulations<PublishedPopulation>): boolean {
  const model = publishedModel(linked);
  const published = model.counts.map((count) => (count === SUPPRESSED ? null : count));
  try {
    new CompletionProblem(model.relations, published, lowerBoundsOf(model, SMALLEST_SUPPRESSED)).completion();
    return true;
  } catch (error) {
    if (error instanceof InconsistentPublishedTableError) return false;
    throw error;
  }
}

/**
 * Proves, from the published populations alone, that no "c" in any of them can be worked out: for every "c", the
 * least and greatest whole-number values over completions of every population consistent with every published
 * cell, every table's sums and every link differ. Each bound is attained by a completion checked in integers.
 * The people in two parts of a `cover`, cell by cell, are audited too (named `in both ...`): they may be worked
 * out as 0 or as more than 5, as a published count could be shown, but not as 1 to 5.
 */
export function auditLinkedPopulations(
  linked: LinkedPopulations<PublishedPopulation>,
  { lowerBound = SMALLEST_SUPPRESSED }: AuditOptions = {},
): DisclosureAudit<LinkedCellRef> {
  const model = publishedModel(linked);
  const published = model.counts.map((count) => (count === SUPPRESSED ? null : count));
  const problem = new CompletionProblem(model.relations, published, lowerBoundsOf(model, lowerBound));
  const base = problem.completion();
  const ranges: SuppressedCellRange<LinkedCellRef>[] = [];
  const recoverable: SuppressedCellRange<LinkedCellRef>[] = [];
  published.forEach((value, cell) => {
    if (value !== null || (model.hidden[cell] && !model.guarded[cell])) return;
    const range = { cell: model.refs[cell], ...problem.range(cell, base) };
    ranges.push(range);
    // A "c" must not be worked out at all; a guarded hidden count (people in two populations) only not as 1 to 5.
    if (range.min === range.max && (!model.hidden[cell] || isSmallCount(range.min))) recoverable.push(range);
  });
  return { safe: recoverable.length === 0, ranges, recoverable };
}

/**
 * The question `auditLinkedPopulations` answers, more cheaply: each "c" (and each guarded hidden count) is shown
 * not to be workable out by a completion, checked in integers, in which it differs from another, without looking
 * for its least and greatest values. `safe` is then a proof; a cell listed as recoverable could not be moved by the
 * search (exact in the relaxation, branch and bound for whole numbers). What the insights app asks of every
 * publication before it leaves for a board. `startingFrom` (the true counts, where the caller has them) only
 * speeds the search: it is used as a completion if it is one of the publication, and is not otherwise trusted.
 */
export function proveLinkedPopulationsSafe(
  linked: LinkedPopulations<PublishedPopulation>,
  { lowerBound = SMALLEST_SUPPRESSED, startingFrom }: AuditOptions & { readonly startingFrom?: LinkedPopulations<PopulationTables> } = {},
): SafetyProof {
  return proveSafe(publishedModel(linked), lowerBound, startingFrom && exactModel(startingFrom).counts);
}

function proveSafe(model: Model<PublishedCount>, lowerBound: number, offered: readonly number[] | undefined): SafetyProof {
  const published = model.counts.map((count) => (count === SUPPRESSED ? null : count));
  const problem = new CompletionProblem(model.relations, published, lowerBoundsOf(model, lowerBound));
  // A completion inside the set rather than at a corner of it lets a few programs show most cells move. Where
  // it comes from does not matter: it is checked against the publication like any other, and used only if it is one.
  const base = offered && offered.length === published.length && problem.isCompletion(offered) ? [...offered] : problem.completion();
  const seen = new Seen(base);
  // Every "c"; a guarded hidden count only where this completion has it at 1 to 5: elsewhere it either moves or
  // is fixed at a value a shown count could have, and is safe either way.
  const targets = published.flatMap((value, cell) =>
    value === null && (!model.hidden[cell] || (model.guarded[cell] && isSmallCount(base[cell]))) ? [cell] : [],
  );
  moveMany(problem, targets, base, seen);
  const recoverable: LinkedCellRef[] = [];
  for (const cell of targets) {
    if (seen.moves(cell)) continue;
    const other = problem.completionMoving(cell, base);
    if (other) seen.add(other);
    else recoverable.push(model.refs[cell]);
  }
  return { safe: recoverable.length === 0, recoverable };
}

/**
 * The exact test the suppression loop asks after each round, given the true counts (one completion of any
 * publication of them). A cell is shown to move by two completions in which it differs; suppressing more only adds
 * completions (the new "c" keeps its true value in the old ones), so a cell once shown to move is never looked at
 * again.
 */
function recoverableGivenTruth(model: Model<number>, truth: readonly number[]): FindRecoverable {
  const seen = new Seen(truth);
  const lowerBounds = lowerBoundsOf(model, SMALLEST_SUPPRESSED);
  const mustNotShow = (cell: number): boolean => !model.hidden[cell] || (model.guarded[cell] && isSmallCount(truth[cell]));
  // Every round hides one more cell: groups of unknown cells it does not touch are the same as last round's.
  const cache: CellGroupCache = new Map();
  return (published) => {
    const problem = new CompletionProblem(model.relations, published, lowerBounds, cache);
    const targets = published.flatMap((value, cell) => (value === null && !seen.moves(cell) && mustNotShow(cell) ? [cell] : []));
    moveMany(problem, targets, truth, seen);
    const recoverable: number[] = [];
    for (const cell of targets) {
      if (seen.moves(cell)) continue;
      const other = problem.completionMoving(cell, truth);
      if (other) seen.add(other);
      else recoverable.push(cell);
    }
    return recoverable;
  };
}

/** The model of the true counts, hidden ones included. */
function exactModel(linked: LinkedPopulations<PopulationTables>): Model<number> {
  return buildModel<number>(
    linked,
    (name, totals) => {
      if (new Set(totals).size > 1) throw new TableInvariantError('totals_differ', `the tables of ${name} must have the same total`);
      return totals[0];
    },
    (parts, whole) => parts.reduce((a, b) => a + b, 0) - whole,
  );
}

/** The model of what was published: "c" and everything hidden unknown. */
function publishedModel(linked: LinkedPopulations<PublishedPopulation>): Model<PublishedCount> {
  Object.values(linked.populations).forEach((tables) =>
    (tables.crossTabs ?? []).forEach((t) => {
      if (
        t.counts.length !== t.rows.length ||
        t.counts.some((line) => line.length !== t.columns.length) ||
        t.rowTotals.length !== t.rows.length ||
        t.columnTotals.length !== t.columns.length
      ) {
        throw new InconsistentPublishedTableError('a published cross-tab does not match its rows and columns');
      }
    }),
  );
  return buildModel<PublishedCount>(
    linked,
    (name, totals) => {
      const shown = new Set(totals.filter((t) => t !== SUPPRESSED));
      if (shown.size > 1) throw new InconsistentPublishedTableError(`the tables of ${name} show different totals`);
      return shown.size === 1 ? [...shown][0] : SUPPRESSED;
    },
    () => SUPPRESSED,
  );
}

/**
 * The completions seen so far, by the least and greatest value each cell took in them: a cell that took two values
 * in two completions can move. Every completion is one of the publication, checked in integers.
 */
class Seen {
  private readonly low: Float64Array;
  private readonly high: Float64Array;

  constructor(first: readonly number[]) {
    this.low = Float64Array.from(first);
    this.high = Float64Array.from(first);
  }

  add(completion: readonly number[]): void {
    completion.forEach((value, cell) => {
      if (value < this.low[cell]) this.low[cell] = value;
      if (value > this.high[cell]) this.high[cell] = value;
    });
  }

  moves(cell: number): boolean {
    return this.low[cell] < this.high[cell];
  }
}

/** Adds completions moving many cells at once, for as long as that shows more cells can move. */
function moveMany(problem: CompletionProblem, targets: readonly number[], base: readonly number[], seen: Seen): void {
  let left = targets.filter((cell) => !seen.moves(cell));
  for (let round = 0; left.length > 0 && round < 4; round++) {
    problem.completionsMovingMany(left, base, round).forEach((completion) => seen.add(completion));
    const still = left.filter((cell) => !seen.moves(cell));
    if (still.length === left.length) return;
    left = still;
  }
}

interface PopulationShape<C> {
  readonly breakdowns?: readonly BreakdownShape<C>[];
  readonly crossTabs?: readonly CrossTabShape<C>[];
  readonly overlapping?: { readonly dimension: string; readonly cells: readonly { readonly label: string; readonly count: C }[] };
}

interface Family<C> {
  readonly name: string;
  readonly breakdowns: BreakdownShape<C>[];
  readonly crossTabs: CrossTabShape<C>[];
  readonly overlapping?: { readonly dimension: string; readonly cells: { label: string; count: C }[] };
  readonly layout: Layout<C>;
  readonly offset: number;
  readonly overlappingOffset: number;
  /** Each cell's index in the model by what it counts (table and category), 'total' for the total. */
  readonly keys: Map<string, number>;
}

interface Model<C> {
  readonly families: Family<C>[];
  readonly counts: C[];
  readonly refs: LinkedCellRef[];
  readonly isMargin: boolean[];
  readonly relations: CellRelation[];
  /** Cells no population publishes: those in two parts of a cover at once, guarded like a "c" when 1 to 5. */
  readonly hidden: boolean[];
  readonly guarded: boolean[];
}

/** A "c" hides at least `lowerBound` (1: zeros are shown); a hidden count may be 0. */
function lowerBoundsOf<C>(model: Model<C>, lowerBound: number): number[] {
  return model.hidden.map((hidden) => (hidden ? 0 : lowerBound));
}

const TOTAL_KEY = 'total';
/** How the people in two populations at once are named in an audit: "in both individuals:adults and ...". */
export const OVERLAP = 'in both';
/** How the records added between two revisions are named in an audit. */
const ADDED = 'added between';

/**
 * Lays every population out as `suppressTablesSharingTotal` would (its own tables' sums from the shared-total
 * network), one after another, and adds the links as relations between cells counting the same thing. Linked
 * populations show the same tables; a category one of them lacks is added to it as a 0 (what its absence says).
 */
function buildModel<C extends PublishedCount>(
  linked: LinkedPopulations<PopulationShape<C>>,
  sharedTotal: (name: string, totals: C[]) => C,
  overlap: (parts: C[], whole: C) => C,
): Model<C> {
  const names = Object.keys(linked.populations);
  for (const link of linked.links) {
    const linkedNames = linkNames(link);
    const unknown = linkedNames.find((name) => !(name in linked.populations));
    if (unknown !== undefined) throw new TableInvariantError('shape_mismatch', `a link names "${unknown}", which is not a population`);
    if (new Set(linkedNames).size !== linkedNames.length) {
      throw new TableInvariantError('shape_mismatch', 'a link names one population twice');
    }
  }
  const padded = padLinkedPopulations(linked);
  const model: Model<C> = { families: [], counts: [], refs: [], isMargin: [], relations: [], hidden: [], guarded: [] };
  const visible = (n: number): void => {
    model.hidden.push(...new Array<boolean>(n).fill(false));
    model.guarded.push(...new Array<boolean>(n).fill(false));
  };
  for (const name of names) {
    const tables = stored(padded, name);
    const breakdowns = [...(tables.breakdowns ?? [])];
    const crossTabs = [...(tables.crossTabs ?? [])];
    if (breakdowns.length + crossTabs.length === 0) {
      throw new TableInvariantError('shape_mismatch', `population ${name} has no table`);
    }
    const total = sharedTotal(
      name,
      [...breakdowns, ...crossTabs].map((t) => t.total),
    );
    const layout = layOut(breakdowns, crossTabs, total);
    const network = sharedTotalNetwork(layout.segments);
    const offset = model.counts.length;
    const keys = new Map<string, number>();
    layout.refs.forEach((ref, i) => keys.set(i === layout.refs.length - 1 ? TOTAL_KEY : keyOf(ref), offset + i));
    model.counts.push(...layout.counts);
    model.refs.push(...layout.refs.map((cell) => ({ population: name, cell })));
    model.isMargin.push(...network.isMargin);
    visible(layout.counts.length);
    network.constraints.forEach(({ members, total: cell }) =>
      model.relations.push({ members: members.map((m) => m + offset), totals: [cell + offset], kind: 'sum' }),
    );
    const overlappingOffset = model.counts.length;
    const overlapping = tables.overlapping && { dimension: tables.overlapping.dimension, cells: [...tables.overlapping.cells] };
    if (overlapping && overlapping.cells.length > 0) {
      const totalCell = stored(keys, TOTAL_KEY);
      const cells = overlapping.cells.map(({ label, count }, i) => {
        const key = keyOf({ dimension: overlapping.dimension, label });
        if (keys.has(key)) throw new TableInvariantError('repeated_dimension', `${name} shows ${overlapping.dimension} twice`);
        keys.set(key, overlappingOffset + i);
        model.counts.push(count);
        model.refs.push({ population: name, cell: { dimension: overlapping.dimension, label } });
        model.isMargin.push(false);
        visible(1);
        model.relations.push({ members: [totalCell], totals: [overlappingOffset + i], kind: 'at_most' });
        return overlappingOffset + i;
      });
      model.relations.push({ members: cells, totals: [totalCell], kind: 'at_most' });
    }
    model.families.push({ name, breakdowns, crossTabs, overlapping, layout, offset, overlappingOffset, keys });
  }

  const families = new Map(model.families.map((f) => [f.name, f]));
  const family = (name: string): Family<C> => stored(families, name);
  for (const link of linked.links) {
    if (link.relation === 'within') {
      const inner = family(link.inner);
      const outer = family(link.outer);
      inner.keys.forEach((cell, key) => {
        const bound = outer.keys.get(key);
        if (bound !== undefined) model.relations.push({ members: [bound], totals: [cell], kind: 'at_most' });
      });
      continue;
    }
    if (link.relation === 'grows') {
      // The later revision's count is the earlier one's and those added since, published nowhere: at least 0, and
      // not guarded (how many records came late is not a count of people the tables hide).
      const earlier = family(link.earlier);
      family(link.later).keys.forEach((cell, key) => {
        const before = stored(earlier.keys, key);
        model.counts.push(overlap([model.counts[cell]], model.counts[before]));
        model.refs.push({ population: `${ADDED} ${link.earlier} and ${link.later}`, cell: model.refs[cell].cell });
        model.isMargin.push(false);
        model.hidden.push(true);
        model.guarded.push(false);
        model.relations.push({ members: [cell], totals: [before, model.counts.length - 1], kind: 'sum' });
      });
      continue;
    }
    const whole = family(link.whole);
    const parts = link.parts.map(family);
    const wholeOverlapping = whole.overlapping;
    const overlappingKeys = new Set(wholeOverlapping?.cells.map(({ label }) => keyOf({ dimension: wholeOverlapping.dimension, label })));
    whole.keys.forEach((cell, key) => {
      const members = parts.map((part) => stored(part.keys, key));
      if (link.relation === 'partition') {
        model.relations.push({ members, totals: [cell], kind: 'sum' });
        return;
      }
      // Parts that overlap add up to the whole and those in two parts at once: their count is published nowhere,
      // but a reader of every part and the whole can subtract, so a 1 to 5 of it is guarded like a "c".
      model.counts.push(
        overlap(
          members.map((m) => model.counts[m]),
          model.counts[cell],
        ),
      );
      model.refs.push({ population: `${OVERLAP} ${link.parts.join(' and ')}`, cell: model.refs[cell].cell });
      model.isMargin.push(false);
      model.hidden.push(true);
      model.guarded.push(link.guardOverlap ?? true);
      model.relations.push({ members, totals: [cell, model.counts.length - 1], kind: 'sum' });
      // Everyone counted in a part is counted in the whole; per category only where each is counted in every
      // one of their groups (a total, a quarter), not where the whole counts them by their earliest referral.
      if (key === TOTAL_KEY || overlappingKeys.has(key)) {
        members.forEach((member) => model.relations.push({ members: [cell], totals: [member], kind: 'at_most' }));
      }
    });
  }
  return model;
}

/**
 * Pads populations linked by `partition` or `cover` to the same categories, in place of "absent means 0": new
 * categories follow the population's own, so its published tables are the first cells of the padded ones.
 */
function padLinkedPopulations<C extends PublishedCount>(linked: LinkedPopulations<PopulationShape<C>>): Map<string, PopulationShape<C>> {
  const names = Object.keys(linked.populations);
  const group = new Map(names.map((name) => [name, name]));
  const find = (name: string): string => {
    while (stored(group, name) !== name) name = stored(group, name);
    return name;
  };
  for (const link of linked.links) {
    if (link.relation === 'grows') group.set(find(link.earlier), find(link.later));
    else if (link.relation !== 'within') link.parts.forEach((part) => group.set(find(part), find(link.whole)));
  }
  const padded = new Map<string, PopulationShape<C>>();
  const zero = 0 as C;
  for (const root of new Set(names.map(find))) {
    const members = names.filter((name) => find(name) === root);
    const shapes = members.map((name) => shapeOf(linked.populations[name]));
    const differing = shapes.findIndex((shape) => shape !== shapes[0]);
    if (differing >= 0) {
      throw new TableInvariantError('shape_mismatch', `populations ${members[0]} and ${members[differing]} are linked but show different tables`);
    }
    const labels = new Map<string, string[]>();
    const union = (key: string, more: readonly string[]): void => {
      const known = labels.get(key) ?? [];
      labels.set(key, [...known, ...more.filter((label) => !known.includes(label))]);
    };
    for (const name of members) {
      const tables = linked.populations[name];
      tables.breakdowns?.forEach((b) =>
        union(
          `b:${b.dimension}`,
          b.cells.map((c) => c.label),
        ),
      );
      tables.crossTabs?.forEach((t) => {
        union(`r:${t.rowDimension}:${t.columnDimension}`, t.rows);
        union(`c:${t.rowDimension}:${t.columnDimension}`, t.columns);
      });
      if (tables.overlapping)
        union(
          `o:${tables.overlapping.dimension}`,
          tables.overlapping.cells.map((c) => c.label),
        );
    }
    const extra = (key: string, own: readonly string[]): string[] => stored(labels, key).filter((label) => !own.includes(label));
    for (const name of members) {
      const tables = linked.populations[name];
      padded.set(name, {
        breakdowns: tables.breakdowns?.map((b) => ({
          ...b,
          cells: [
            ...b.cells,
            ...extra(
              `b:${b.dimension}`,
              b.cells.map((c) => c.label),
            ).map((label) => ({ label, count: zero })),
          ],
        })),
        crossTabs: tables.crossTabs?.map((t) => {
          const rows = extra(`r:${t.rowDimension}:${t.columnDimension}`, t.rows);
          const columns = extra(`c:${t.rowDimension}:${t.columnDimension}`, t.columns);
          const zeros = (n: number): C[] => new Array<C>(n).fill(zero);
          return {
            ...t,
            rows: [...t.rows, ...rows],
            columns: [...t.columns, ...columns],
            counts: [...t.counts.map((line) => [...line, ...zeros(columns.length)]), ...rows.map(() => zeros(t.columns.length + columns.length))],
            rowTotals: [...t.rowTotals, ...zeros(rows.length)],
            columnTotals: [...t.columnTotals, ...zeros(columns.length)],
          };
        }),
        overlapping: tables.overlapping && {
          dimension: tables.overlapping.dimension,
          cells: [
            ...tables.overlapping.cells,
            ...extra(
              `o:${tables.overlapping.dimension}`,
              tables.overlapping.cells.map((c) => c.label),
            ).map((label) => ({ label, count: zero })),
          ],
        },
      });
    }
  }
  return padded;
}

/** Which tables a population shows, whatever their categories. */
function shapeOf(tables: PopulationShape<unknown>): string {
  return JSON.stringify([
    (tables.breakdowns ?? []).map((b) => b.dimension).sort(),
    (tables.crossTabs ?? []).map((t) => `${t.rowDimension} × ${t.columnDimension}`).sort(),
    tables.overlapping?.dimension ?? null,
  ]);
}

/** What this file put in `map` under `key`; nothing there is a bug in building the model, not a problem of the input. */
function stored<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`linked populations: nothing stored under ${String(key)}`);
  return value;
}

function unpad(table: PublishedCrossTab, original: CrossTabShape<number>): PublishedCrossTab {
  const rows = original.rows.length;
  const columns = original.columns.length;
  return {
    ...table,
    rows: original.rows,
    columns: original.columns,
    counts: table.counts.slice(0, rows).map((line) => line.slice(0, columns)),
    rowTotals: table.rowTotals.slice(0, rows),
    columnTotals: table.columnTotals.slice(0, columns),
  };
}

const SEPARATOR = '\u001f';

function keyOf(ref: TableCellRef): string {
  return 'dimension' in ref
    ? ['b', ref.dimension, ref.label].join(SEPARATOR)
    : ['x', ref.rowDimension, ref.columnDimension, ref.row, ref.column].join(SEPARATOR);
}

function cellKeyOf(population: string, cell: TableCellRef): string {
  return [population, keyOf(cell)].join(SEPARATOR);
}

function describe(ref: LinkedCellRef): string {
  const { cell } = ref;
  return 'dimension' in cell
    ? `${ref.population} ${cell.dimension} "${cell.label}"`
    : `${ref.population} ${cell.rowDimension} × ${cell.columnDimension} "${cell.row}" × "${cell.column}"`;
}
