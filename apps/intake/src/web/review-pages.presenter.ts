import { longDate, type FieldDescription } from '@app/web';
import { COMPARISON_NAMES, comparisonSentence, countryName, direction, namesReordered, reviewerReason, ruleSentence, sexText, sourceText } from './plain-words';
import type { RecordView, ReviewView } from '../persons/person.presenter';

export const DECISION_FIELDS: Record<string, FieldDescription> = {
  decision: { target: 'decision', label: 'Decision', missing: 'Select whether these records are the same person' },
  reason: { target: 'reason', label: 'Why' },
};

interface FieldExplanationView {
  comparison: string;
  level: string;
  description: string;
  weight: number;
}

interface ExplanationView {
  prior?: number;
  priorWeight?: number;
  matchWeight?: number;
  probability?: number;
  rules?: string[];
  fields?: FieldExplanationView[];
}

/** The side-by-side rows, each with the comparison (if any) that judged it, so highlighting agrees with it. */
const SIDE_BY_SIDE: ReadonlyArray<[string, (r: RecordView) => string, string?]> = [
  ['Case system and record', (r) => `${r.system} record ${r.recordId}`],
  ['First name', (r) => r.firstName ?? '', 'given_name'],
  ['Middle names', (r) => r.middleNames ?? '', 'middle_names'],
  ['Last name', (r) => r.lastName ?? '', 'family_name'],
  ['Other names', (r) => r.aliases.join(', ')],
  ['Date of birth', (r) => (r.dateOfBirth ? `${longDate(r.dateOfBirth)}${r.dateOfBirthEstimated ? ' (estimated)' : ''}` : ''), 'date_of_birth'],
  ['Sex', (r) => sexText(r.sex), 'sex'],
  ['Nationality', (r) => countryName(r.nationality), 'nationality'],
  ['NHS number', (r) => r.nhsNumber ?? '', 'nhs_number'],
  ['Referral date', (r) => longDate(r.referralDate ?? '')],
  ['Entered by', (r) => sourceText(r.source)],
];

/** "+6.2" / "−3.1": a weight is a log2 Bayes factor, for (positive) or against (negative) a match. */
export function signedWeight(weight: number): string {
  const text = Math.abs(weight).toFixed(1);
  return weight > 0 ? `+${text}` : weight < 0 ? `\u2212${text}` : '0.0';
}

/** "87.5%", and never "100.0%" for what is only very likely, nor "0.0%" for what is only very unlikely. */
export function percent(probability: number): string {
  if (probability >= 0.9995) return 'more than 99.9%';
  if (probability < 0.0005) return 'less than 0.1%';
  return `${(probability * 100).toFixed(1)}%`;
}

/** One possible match, side by side, with the engine's reasons field by field. */
export function reviewView(result: { items: ReviewView[]; page: number; total: number }, status: string): Record<string, unknown> {
  const review = result.items.at(0);
  const base = {
    title: status === 'open' ? 'Possible matches to review' : 'Decided possible matches',
    status,
    total: result.total,
    page: result.page,
    tabs: [
      { href: '/reviews', text: 'To review', current: status === 'open' },
      { href: '/reviews?status=decided', text: 'Decided', current: status === 'decided' },
    ],
  };
  if (!review) return { ...base, review: undefined };
  const explanation = (review.explanation ?? {}) as ExplanationView;
  const record = review.record;
  const candidate = review.candidate.record;
  const reordered = namesReordered(record, candidate);
  const fields = (explanation.fields ?? []).map((f) => {
    const way = direction(f.weight);
    return {
      comparison: f.comparison,
      name: COMPARISON_NAMES[f.comparison] ?? f.comparison,
      sentence: comparisonSentence(f.comparison, f.level, { a: record?.dateOfBirth, b: candidate?.dateOfBirth, namesReordered: reordered }),
      level: f.level,
      weight: signedWeight(f.weight),
      direction: way.key,
      directionText: way.text,
    };
  });
  const link = (page: number) => `/reviews?${new URLSearchParams({ ...(status === 'open' ? {} : { status }), page: String(page) }).toString()}`;
  return {
    ...base,
    review,
    probability: percent(review.probability),
    // Linked automatically below the confirmation threshold: the decision confirms the link or undoes it.
    confirming: review.reason === 'confirm_match' && record?.personId === review.candidate.personId,
    rows: SIDE_BY_SIDE.map(([label, value, comparison]) => {
      const a = record ? value(record) : '';
      const b = candidate ? value(candidate) : '';
      const judged = comparison ? fields.find((f) => f.comparison === comparison) : undefined;
      // Highlighted when the engine's own comparison counts the field against a match: "Osman" and "OSMAN" are one
      // name to it, so they are not shown as differing.
      return { label, record: a, candidate: b, differs: judged?.direction === 'against', comparison: judged?.sentence };
    }),
    fields,
    priorWeight: explanation.priorWeight !== undefined ? signedWeight(explanation.priorWeight) : undefined,
    matchWeight: explanation.matchWeight !== undefined ? signedWeight(explanation.matchWeight) : undefined,
    rules: (explanation.rules ?? []).map(ruleSentence),
    decisionReason: reviewerReason(review.decisionReason),
    recordPersonId: record?.personId ?? null,
    candidatePersonId: review.candidate.personId,
    pagination:
      result.total > 1
        ? {
            previous: result.page > 1 ? { href: link(result.page - 1), labelText: 'Previous possible match' } : undefined,
            next: result.page < result.total ? { href: link(result.page + 1), labelText: 'Next possible match' } : undefined,
          }
        : undefined,
  };
}
