import { blockingKeys } from './blocking';
import { COMPARISONS, comparePair } from './comparisons';
import { DEFAULT_LINKAGE_CONFIG, LinkageConfig } from './config';
import { decideLink, GroupTally, identifierAgrees, scoreAcross } from './decision';
import { LinkageModel } from './model';
import { LinkageRecord, PreparedRecord, prepareRecord } from './record';
import { MatchDecision, MatchExplanation, probabilityFromWeight, RecordFrequencies, Scorer } from './scoring';

/** A person the new record may be, with the decision and the explanation of its strongest link. */
export interface PersonCandidate {
  readonly personId: string;
  readonly decision: MatchDecision;
  /** Probability of the strongest link to one of the person's records. */
  readonly probability: number;
  /** Mean probability over all of the person's records (the group check behind MATCH). */
  readonly meanProbability: number;
  readonly recordId: string;
  readonly explanation: MatchExplanation;
}

interface IndexedRecord {
  readonly record: PreparedRecord;
  readonly frequencies: RecordFrequencies;
  personId: string;
}

/**
 * The person index for incremental linkage (the deduplicator worker): records are added one at a time with the
 * person they belong to, and a new record is matched against it with the very same model, thresholds and
 * group rule as the batch linker.
 */
export class PersonIndex {
  private readonly scorer: Scorer;
  private readonly records = new Map<string, IndexedRecord>();
  private readonly blocks = new Map<string, IndexedRecord[]>();
  private readonly persons = new Map<string, IndexedRecord[]>();
  private readonly levels = new Int8Array(COMPARISONS.length);

  constructor(
    readonly model: LinkageModel,
    readonly config: LinkageConfig = DEFAULT_LINKAGE_CONFIG,
  ) {
    // The worker learns its model from the records it indexes, so an indexed record counted itself.
    this.scorer = new Scorer(model, config, { leaveOut: 1 });
  }

  /** Number of records held (anonymous notifications are never held). */
  get size(): number {
    return this.records.size;
  }

  get personCount(): number {
    return this.persons.size;
  }

  /** Adds (or moves) a record under a person. Anonymous notifications are refused: they are never linked. */
  add(input: LinkageRecord, personId: string): boolean {
    const record = prepareRecord(input);
    if (record.anonymous) return false;
    this.remove(record.recordId);
    const entry: IndexedRecord = { record, frequencies: this.scorer.frequencies(record), personId };
    this.records.set(record.recordId, entry);
    for (const key of blockingKeys(record)) {
      const block = this.blocks.get(key);
      if (block) block.push(entry);
      else this.blocks.set(key, [entry]);
    }
    const members = this.persons.get(personId);
    if (members) members.push(entry);
    else this.persons.set(personId, [entry]);
    return true;
  }

  remove(recordId: string): boolean {
    const entry = this.records.get(recordId);
    if (!entry) return false;
    this.records.delete(recordId);
    for (const key of blockingKeys(entry.record)) {
      const block = this.blocks.get(key);
      if (!block) continue;
      const i = block.indexOf(entry);
      if (i >= 0) block.splice(i, 1);
      if (block.length === 0) this.blocks.delete(key);
    }
    const members = this.persons.get(entry.personId);
    if (members) {
      members.splice(members.indexOf(entry), 1);
      if (members.length === 0) this.persons.delete(entry.personId);
    }
    return true;
  }

  /** Moves every record of one person to another (a reviewer's merge). */
  mergePersons(from: string, into: string): void {
    const members = this.persons.get(from);
    if (!members || from === into) return;
    const target = this.persons.get(into) ?? [];
    for (const m of members) {
      m.personId = into;
      target.push(m);
    }
    this.persons.set(into, target);
    this.persons.delete(from);
  }

  personOf(recordId: string): string | undefined {
    return this.records.get(recordId)?.personId;
  }

  /** How many records the person holds (0 for a person the index does not hold). */
  sizeOf(personId: string): number {
    return this.persons.get(personId)?.length ?? 0;
  }

  /**
   * The persons a new record may be, best first. MATCH needs a link at the match threshold and the group rule
   * over all the person's records (no contradiction, mean probability high enough); otherwise the best a
   * person can be is POSSIBLE_MATCH. Anonymous records get no candidates.
   */
  match(input: LinkageRecord, limit = 5): PersonCandidate[] {
    const record = prepareRecord(input);
    if (record.anonymous) return [];
    const frequencies = this.scorer.frequencies(record);
    const others = Math.max(1, this.records.size - (this.records.has(record.recordId) ? 1 : 0));
    const priorWeight = this.scorer.priorWeight(others);
    const { maxBlockSize } = this.config.blocking;
    const seen = new Set<IndexedRecord>();
    const bestByPerson = new Map<string, { entry: IndexedRecord; probability: number; guarded: boolean; identified: boolean }>();
    for (const key of blockingKeys(record)) {
      const block = this.blocks.get(key);
      if (!block || block.length > maxBlockSize) continue;
      for (const entry of block) {
        if (seen.has(entry) || entry.record.recordId === record.recordId) continue;
        seen.add(entry);
        comparePair(record, entry.record, this.levels);
        const evidence = this.scorer.evidence(this.levels, frequencies, entry.frequencies);
        const probability = probabilityFromWeight(priorWeight + evidence);
        const identified = identifierAgrees(record, entry.record);
        if (probability < this.config.thresholds.possibleMatch && !identified) continue;
        const guarded = this.scorer.guarded(this.levels);
        // A pair the sibling rule holds apart as plainly two people is no candidate at all, as in the batch.
        if (
          guarded &&
          decideLink({ probability, guarded, keptApart: this.scorer.keptApart(this.levels, record, entry.record) }, this.config).decision === 'NO_MATCH'
        ) {
          continue;
        }
        const best = bestByPerson.get(entry.personId);
        if (!best || (identified && !best.identified) || (identified === best.identified && probability > best.probability)) {
          bestByPerson.set(entry.personId, { entry, probability, guarded, identified });
        }
      }
    }
    const candidates: PersonCandidate[] = [];
    for (const [personId, best] of bestByPerson) {
      const members = this.persons.get(personId) ?? [];
      const group = new GroupTally();
      for (const m of members) {
        // The record itself, when it is being linked again, is no evidence about its own person.
        if (m.record.recordId === record.recordId) continue;
        comparePair(record, m.record, this.levels);
        group.add(scoreAcross(this.scorer, record, m.record, this.levels, this.scorer.evidence(this.levels, frequencies, m.frequencies), priorWeight));
      }
      const { decision } = decideLink({ probability: best.probability, guarded: best.guarded, identifierAgrees: best.identified, group }, this.config);
      const meanProbability = group.pairs ? group.meanProbability : best.probability;
      const explanation = this.scorer.explain(record, best.entry.record, others, frequencies, best.entry.frequencies);
      candidates.push({
        personId,
        decision,
        probability: best.probability,
        meanProbability,
        recordId: best.entry.record.recordId,
        explanation:
          decision === explanation.decision
            ? explanation
            : {
                ...explanation,
                decision,
                rules: [
                  ...explanation.rules,
                  decision === 'MATCH'
                    ? 'identifier: a valid NHS number or a transfer reference agrees'
                    : 'group_check: the person as a whole does not match (a date of birth or an identifier rules it out, or the match is weak overall)',
                ],
              },
      });
    }
    candidates.sort((a, b) => b.probability - a.probability || (a.personId < b.personId ? -1 : 1));
    return candidates.slice(0, limit);
  }
}
