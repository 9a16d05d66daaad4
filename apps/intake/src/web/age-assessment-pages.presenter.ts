import { latestAssessment, type CaseSystem } from '@app/domain';
import { longDate, type FieldDescription, type FormBody, type FormErrors } from '@app/web';
import type { ReferralView, TransitionView } from '../referrals/referral.presenter';
import { SYSTEM_NAMES } from './referral-pages.presenter';

export type AgeFinding = 'adult' | 'child';

/** The finding as a caseworker says it. */
export const FINDING_NAMES: Readonly<Record<AgeFinding, string>> = {
  adult: 'An adult (18 or over)',
  child: 'A child (under 18)',
};

/** How the form names each answer (the API's field names as keys), in the order the form asks them. */
export const AGE_ASSESSMENT_FIELDS: Readonly<Record<string, FieldDescription>> = {
  assessedOn: {
    target: 'assessedOn-day',
    label: 'Date of the age assessment',
    missing: 'Enter the date of the age assessment',
  },
  outcome: { target: 'outcome', label: 'What the assessment found', missing: 'Select whether the assessment found an adult or a child' },
  assessedDateOfBirth: {
    target: 'assessedDateOfBirth-day',
    label: 'Date of birth the assessment gave',
    // The domain's rules that judge the date of birth against the finding and the day assessed
    // (refuseAgeAssessment), said as what to put right.
    refusals: [
      { when: /must not be after assessedOn/, text: 'Date of birth the assessment gave must be before the date of the age assessment' },
      {
        when: /makes the person (\d+) on .*: an "adult" finding/,
        text: (m) =>
          `Date of birth the assessment gave makes them ${m[1]} on the day assessed: for an adult it must be at least 18 years before the assessment`,
      },
      {
        when: /makes the person (\d+) on .*: a "child" finding/,
        text: (m) =>
          `Date of birth the assessment gave makes them ${m[1]} on the day assessed: for a child it must be less than 18 years before the assessment`,
      },
    ],
  },
  authority: {
    target: 'authority',
    label: 'Local authority that assessed their age',
    missing: 'Enter the local authority that assessed their age',
  },
};

/** Where the case is held now: the case record's system, or the one it is being sent to. */
function heldIn(view: Pick<ReferralView, 'caseRecord' | 'route'>): CaseSystem {
  return view.caseRecord?.system ?? view.route.system;
}

/** What each finding does to a case held where this one is (docs/transitions.md), for the radios' hints. */
function findingHints(system: CaseSystem): Readonly<Record<AgeFinding, string>> {
  return system === 'LCS'
    ? {
        adult: "The case moves to adults' services: an adult record is opened in AIS, linked to the LCS contact, and LCS closes the contact as transferred.",
        child: "The case stays with children's services (LCS).",
      }
    : {
        adult: "The case stays with adults' services (AIS).",
        child: "The case moves to children's services: the referral is sent to LCS with the date of birth the assessment gave, and AIS closes its record.",
      };
}

export interface AgeAssessmentRow {
  assessedOn: string;
  finding: string;
  /** The current finding: the latest by the day assessed, then by when recorded (latestAssessment's order). */
  current: boolean;
  /** The date of birth the assessment gave, where it gave one (a child's finding moves the case with it). */
  assessedDateOfBirth: string | null;
  authority: string;
  recordedAt: string;
}

/** The age assessments recorded on a referral, by the day assessed (then by when recorded): the last is the current finding. */
export function ageAssessmentRows(view: Pick<ReferralView, 'ageAssessments'>): AgeAssessmentRow[] {
  const ordered = [...view.ageAssessments].sort((a, b) =>
    a.assessedOn === b.assessedOn ? a.recordedAt.localeCompare(b.recordedAt) : a.assessedOn.localeCompare(b.assessedOn),
  );
  // "Latest" is the domain's own choice of the current finding (the one the router acts on), never a second reading.
  const latest = latestAssessment(view.ageAssessments);
  return ordered.map((a) => ({
    assessedOn: a.assessedOn,
    finding: a.outcome === 'adult' || a.outcome === 'child' ? FINDING_NAMES[a.outcome] : a.outcome,
    current: a === latest,
    assessedDateOfBirth: a.assessedDateOfBirth,
    authority: a.authority,
    recordedAt: a.recordedAt,
  }));
}

/** The "Record an age assessment" page: where the case is, and the form, with what was typed when it was refused. */
export function ageAssessmentFormView(view: ReferralView, form: FormBody = {}, errors?: FormErrors): Record<string, unknown> {
  const typed = (name: string): string | undefined => {
    const value = form[name];
    return typeof value === 'string' ? value : undefined;
  };
  const system = heldIn(view);
  const hints = findingHints(system);
  const moving = view.transitions.find((t) => t.status === 'pending');
  const history = ageAssessmentRows(view);
  const latest = history.at(-1);
  return {
    title: 'Record an age assessment',
    id: view.id,
    reference: view.reference,
    rows: [
      { key: { text: 'Referred' }, value: { text: longDate(view.referredAt) } },
      {
        key: { text: 'Case held in' },
        value: { text: capitalised(`${SYSTEM_NAMES[system]}${moving ? `, moving to ${SYSTEM_NAMES[moving.to.system]}` : ''}`) },
      },
      {
        key: { text: 'Latest age assessment' },
        value: { text: latest ? `${latest.finding}, assessed ${longDate(latest.assessedOn)}` : 'None recorded' },
      },
    ],
    hasAssessments: history.length > 0,
    errors,
    form: {
      assessedOn: { day: typed('assessedOn-day'), month: typed('assessedOn-month'), year: typed('assessedOn-year') },
      outcomes: (['adult', 'child'] as const).map((value) => ({
        value,
        text: FINDING_NAMES[value],
        hint: { text: hints[value] },
        checked: typed('outcome') === value,
      })),
      assessedDateOfBirth: {
        day: typed('assessedDateOfBirth-day'),
        month: typed('assessedDateOfBirth-month'),
        year: typed('assessedDateOfBirth-year'),
      },
      authority: typed('authority'),
      errors: errors?.fields ?? {},
    },
  };
}

/**
 * The banner on the referral's page once an assessment is saved: what was recorded, and what it does to the case —
 * the move it started, none where the case is already where the finding puts it, or none because it is dated before
 * an assessment already recorded (kept as history).
 */
export function savedAssessmentMessage(
  saved: { assessedOn: string; outcome: AgeFinding },
  transition: TransitionView | null,
  after: Pick<ReferralView, 'ageAssessments' | 'caseRecord' | 'route'>,
): string {
  const found = saved.outcome === 'adult' ? 'an adult' : 'a child';
  const recorded = `Saved: the age assessment of ${longDate(saved.assessedOn)}, which found ${found}.`;
  if (transition) {
    const to = transition.to.system;
    if (transition.status !== 'pending') return `${recorded} The case has moved to ${SYSTEM_NAMES[to]}.`;
    return to === 'AIS'
      ? `${recorded} The case is moving to adults' services: an adult record is being opened in AIS, linked to the LCS contact${
          transition.keepsSourceOpen ? ', which stays open' : ', and LCS closes the contact as transferred'
        }.`
      : `${recorded} The case is moving to children's services: the referral is being sent to LCS, and AIS closes its record.`;
  }
  const current = ageAssessmentRows(after).at(-1);
  if (current && current.assessedOn > saved.assessedOn) {
    return `${recorded} An assessment dated later is already recorded, so this one is kept as history and does not move the case.`;
  }
  return `${recorded} The case stays in ${SYSTEM_NAMES[heldIn(after)]}.`;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
