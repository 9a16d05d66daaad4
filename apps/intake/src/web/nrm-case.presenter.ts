import { describeType, type NrmDecisionType, type NrmStatus } from '@app/domain';
import type { FieldDescription, FormBody, FormErrors } from '@app/web';
import type { NrmCaseView } from '../decisions/decision.presenter';

/** Where the case stands, as the lead reads it, with the GOV.UK tag colour for it. */
export const NRM_STATUS_NAMES: Readonly<Record<NrmStatus, { text: string; colour: string }>> = {
  not_in_nrm: { text: 'Not in the NRM (Duty to Notify)', colour: 'grey' },
  awaiting_reasonable_grounds: { text: 'Awaiting reasonable grounds decision', colour: 'blue' },
  awaiting_conclusive_grounds: { text: 'Positive reasonable grounds, awaiting conclusive grounds decision', colour: 'light-blue' },
  negative_reasonable_grounds: { text: 'Negative reasonable grounds decision', colour: 'red' },
  negative_conclusive_grounds: { text: 'Negative conclusive grounds decision', colour: 'red' },
  reconsideration_requested: { text: 'Reconsideration requested', colour: 'yellow' },
  positive_conclusive_grounds: { text: 'Positive conclusive grounds decision', colour: 'green' },
  withdrawn: { text: 'Withdrawn from the NRM', colour: 'grey' },
  suspended: { text: 'Suspended', colour: 'orange' },
  public_order_disqualification: { text: 'Public order disqualification', colour: 'purple' },
};

const STATUS_TEXT = new Map(Object.entries(NRM_STATUS_NAMES).map(([status, { text }]) => [status, text]));

/** The words for a status as a worklist row holds it; a value that is no status shows as it is. */
export function nrmStatusText(status: unknown): unknown {
  return typeof status === 'string' ? (STATUS_TEXT.get(status) ?? status) : status;
}

export const DECISION_TYPE_NAMES: Readonly<Record<NrmDecisionType, string>> = {
  reasonable_grounds: 'Reasonable grounds decision',
  conclusive_grounds: 'Conclusive grounds decision',
  reconsideration_requested: 'Reconsideration requested',
  withdrawal: 'Withdrawn from the NRM',
  suspension: 'Case suspended',
  public_order_disqualification: 'Public order disqualification',
  consent_to_stay: 'Decision at 18 on staying in the NRM',
};

const TYPE_HINTS: Readonly<Partial<Record<NrmDecisionType, string>>> = {
  reconsideration_requested: 'A request to reconsider the negative decision. The new decision is then recorded as the same type of decision.',
  suspension: 'The case is paused; the next decision picks it up again.',
  consent_to_stay: 'For a person referred as a child who turns 18 before the conclusive grounds decision.',
};

export const COMPETENT_AUTHORITY_NAMES: Readonly<Record<string, string>> = {
  SCA: 'Single Competent Authority (SCA)',
  IECA: 'Immigration Enforcement Competent Authority (IECA)',
  devolved_panel: 'Devolved decision-making panel',
};

export const FINDING_NAMES: Readonly<Record<string, string>> = {
  human_trafficking: 'Human trafficking',
  slavery_servitude_forced_labour: 'Slavery, servitude, or forced or compulsory labour',
  both: 'Both',
};

const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  positive: 'Positive',
  negative: 'Negative',
  consented: 'Consented to stay',
  declined: 'Declined to stay',
};

/** "positive, negative" → "Positive or Negative". */
const outcomeChoices = (values: string): string =>
  values
    .split(', ')
    .map((o) => OUTCOME_NAMES[o] ?? o)
    .join(' or ');

/** The form's questions, in page order, for the error summary. */
export const DECISION_FORM_FIELDS: Readonly<Record<string, FieldDescription>> = {
  type: { target: 'decision-type', label: 'Decision', missing: 'Select what was decided' },
  outcome: {
    target: 'decision-outcome',
    label: 'Outcome',
    missing: 'Select the outcome',
    // The rule names the outcomes this decision takes ("outcome of a reasonable grounds decision must be one of
    // positive, negative"): say which to select, by the names the radios give them.
    refusals: [
      {
        when: /^outcome of an? (.+) must be one of (.+)$/,
        text: (m) => `Select ${outcomeChoices(m[2])} for a ${m[1]}`,
      },
      { when: /^an? (.+) has no outcome$/, text: (m) => `Do not select an outcome for a ${m[1]}: it has none` },
    ],
  },
  decidedOn: { target: 'decision-decidedOn-day', label: 'Date of the decision letter', missing: 'Enter the date of the decision letter' },
  competentAuthority: { target: 'decision-competentAuthority', label: 'Competent authority', missing: 'Select the competent authority from the list' },
  finding: { target: 'decision-finding', label: 'Found to be a victim of', missing: 'Select what the person was found to be a victim of' },
};

/** The NRM case section of the referral page: status, history, and (for a lead) the form to record a decision. */
export function nrmCaseView(nrm: NrmCaseView, form: FormBody = {}, errors?: FormErrors): Record<string, unknown> {
  const selected = (name: string) => (typeof form[name] === 'string' ? form[name] : undefined);
  return {
    status: NRM_STATUS_NAMES[nrm.status],
    inNrm: nrm.status !== 'not_in_nrm',
    competentAuthority: nrm.competentAuthority ? COMPETENT_AUTHORITY_NAMES[nrm.competentAuthority] : undefined,
    reconsideration: nrm.reconsideration ? { ...nrm.reconsideration, stageText: describeType(nrm.reconsideration.stage) } : undefined,
    history: nrm.history.map((h) => ({
      decidedOn: h.decidedOn,
      what: DECISION_TYPE_NAMES[h.type],
      outcome:
        [
          h.outcome ? OUTCOME_NAMES[h.outcome] : undefined,
          h.finding ? `victim of ${FINDING_NAMES[h.finding].toLowerCase()}` : undefined,
          h.reconsideration ? `${h.reconsideration} on reconsideration` : undefined,
        ]
          .filter(Boolean)
          .join(', ') || '–',
      competentAuthority: h.competentAuthority ? COMPETENT_AUTHORITY_NAMES[h.competentAuthority] : 'Not stated',
      statusAfter: NRM_STATUS_NAMES[h.statusAfter].text,
    })),
    form: {
      types: (Object.keys(DECISION_TYPE_NAMES) as NrmDecisionType[]).map((value) => ({
        value,
        text: DECISION_TYPE_NAMES[value],
        hint: TYPE_HINTS[value] ? { text: TYPE_HINTS[value] } : undefined,
        checked: selected('type') === value,
      })),
      outcomes: Object.entries(OUTCOME_NAMES).map(([value, text]) => ({ value, text, checked: selected('outcome') === value })),
      authorities: [
        { value: '', text: 'Not stated' },
        ...Object.entries(COMPETENT_AUTHORITY_NAMES).map(([value, text]) => ({ value, text, selected: selected('competentAuthority') === value })),
      ],
      findings: [
        { value: '', text: 'Not stated' },
        ...Object.entries(FINDING_NAMES).map(([value, text]) => ({ value, text, selected: selected('finding') === value })),
      ],
      decidedOn: { day: selected('decidedOn-day'), month: selected('decidedOn-month'), year: selected('decidedOn-year') },
      errors: errors?.fields ?? {},
    },
    errors,
  };
}
