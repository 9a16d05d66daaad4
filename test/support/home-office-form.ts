/**
 * The Home Office form's own test data (test/fixtures/home-office-form.json, written by
 * scripts/home-office-form-fixture.ts from UKHomeOffice/modern-slavery at the commit it names) turned into referral
 * bodies: the form's answers, as its journeys give them, read into our fields. Test support only.
 */
import { toAlpha3 } from '@app/countries';
import fixture from '../fixtures/home-office-form.json';

export type FormAnswers = Record<string, unknown>;
type Body = Record<string, unknown>;

export const FORM = fixture as unknown as {
  source: { repository: string; commit: string };
  steps: Array<{ path: string; fields: string[] }>;
  fields: Array<{ name: string; mixin: string | null; options?: string[]; question: string | null }>;
  lists: Record<'nationalities' | 'countries' | 'ukCitiesAndTowns' | 'ukRegions' | 'ukPoliceForces' | 'ukLocalAuthorities' | 'organisations', string[]>;
  sessionData: Record<string, FormAnswers>;
  journeys: Record<'adult' | 'child' | 'refused', Array<{ test: string; uri: string; body: FormAnswers }>>;
};

/** The form's test session: every page's answers from its session data, in the form's step order. */
export function sessionAnswers(): FormAnswers {
  return Object.assign({}, ...Object.values(FORM.sessionData)) as FormAnswers;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const yes = (v: unknown): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const yesNoNotSure = (v: unknown): string | undefined => (v === 'not-sure' || v === 'i-dont-know' ? 'not_sure' : v === 'yes' || v === 'no' ? v : undefined);
const ticked = (v: unknown): boolean => v === true || v === 'true' || (typeof v === 'string' && v.length > 0 && v !== 'false');
const picks = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : []);
const LAST_CONTACT: Record<string, string> = {
  'within-the-last-week': 'last_week',
  'within-the-last-month': 'last_month',
  'within-the-last-3-month': 'last_3_months',
  'within-the-last-6-month': 'last_6_months',
  'within-the-last-6-12-month': '6_to_12_months',
  'over-a-year-ago': 'over_a_year',
  'not-sure': 'not_sure',
};
const prune = (o: Body): Body | undefined => {
  const kept = Object.entries(o).filter(
    ([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0),
  );
  return kept.length ? Object.fromEntries(kept) : undefined;
};

/**
 * The form's answers as a referral body. It follows the form's own paths: a child is referred without consent and
 * with the local authority; an adult who does not consent is a Duty to Notify, which never carries a date of birth,
 * and carries names and contact only when they co-operate; a "yes" carries its follow-up, a "no" does not.
 */
export function referralOf(a: FormAnswers): Body {
  const under18 = yesNoNotSure(a['pv-under-age']) ?? 'no';
  const child = under18 !== 'no';
  const dtn = !child && a['pv-want-to-submit-nrm'] === 'no';
  const cooperates = yes(a['authorities-cooperation']);
  const identified = !dtn || cooperates === true;
  const location =
    a['where-exploitation-happened'] === 'uk-and-overseas' ? 'uk_and_overseas' : a['where-exploitation-happened'] === 'overseas' ? 'overseas' : 'uk';
  const towns =
    location === 'overseas'
      ? []
      : Array.from({ length: 10 }, (_, i) => text(a[`where-exploitation-happened-uk-city-${i + 1}`])).filter((t): t is string => !!t);
  const countries =
    location === 'uk'
      ? []
      : Array.from({ length: 10 }, (_, i) => text(a[`where-exploitation-happened-overseas-country-${i + 1}`])).filter((t): t is string => !!t);
  const homeOfficeTypes = FORM.fields
    .filter((f) => f.name.startsWith('types-of-exploitation-') && ticked(a[f.name]))
    .map((f) => f.name.slice('types-of-exploitation-'.length));
  const phone = a['pv-phone-number'];
  const contactBy = picks(a['pv-contact-details']);
  const someoneElse = !dtn && !child && a['who-contact'] === 'someone-else';
  const sendTo = picks(a['someone-else']);
  const taken = yes(a['were-they-taken-somewhere-by-their-exploiter']);
  const future = yes(a['future-exploitation-concerns']);
  const locationKnown = yes(a['exploiters-location']);
  const indicators = yes(a['modern-slavery-indicators']);
  const credibility = yes(a['evidence-of-dishonesty']);
  const others = yes(a['are-others-involved']);
  const children = yes(a['does-pv-have-children']);
  const communication = yes(a['pv-other-help-with-communication']);
  const reportedBefore = yesNoNotSure(a['is-this-the-first-chance-to-report']);
  const otherVictims = yesNoNotSure(a['any-other-pvs']);
  const ongoing = yes(a['still-in-exploitative-situation']);
  const crimeReference = a['reported-to-police'] === 'yes' ? text(a['reported-to-police-crime-reference']) : undefined;

  const assessment = prune({
    reportedBefore,
    reportedBeforeDetails:
      reportedBefore === 'yes'
        ? text(a['yes-the-first-chance-to-report'])
        : reportedBefore === 'not_sure'
          ? text(a['not-sure-the-first-chance-to-report'])
          : undefined,
    whyNotReportedSooner: reportedBefore === 'no' ? text(a['why-report-now']) : undefined,
    modernSlaveryIndicators: indicators,
    modernSlaveryIndicatorsDetails: indicators ? text(a['modern-slavery-indicators-details']) : undefined,
    interviews: text(a['where-how-interview-carried-out']),
    professionalInsight: text(a['professional-insight']),
    credibilityConcerns: credibility,
    credibilityConcernsDetails: credibility ? text(a['evidence-of-dishonesty-details']) : undefined,
    othersInvolved: others,
    othersInvolvedDetails: others ? text(a['are-others-involved-details']) : undefined,
    evidence: text(a['what-evidence-you-will-submit']),
  });

  return {
    kind: dtn ? 'dtn' : 'nrm',
    firstResponder: prune({
      organisation: text(a['user-organisation']) ?? 'Aberdeen City Council',
      organisationType: 'other',
      name: [text(a['fr-details-first-name']) ?? 'Ronald', text(a['fr-details-last-name'])].filter(Boolean).join(' '),
      role: text(a['fr-details-role']) ?? 'First responder',
      email: 'first.responder@example.gov.uk',
      phone: text(a['fr-details-phone']),
      reference: text(a.reference),
      reportMadeIn: text(a['fr-location'])?.replace('-', '_'),
      alternativeEmail: text(a['fr-alternative-contact']),
    }),
    age: prune({ under18, under18DuringExploitation: child ? undefined : yesNoNotSure(a['pv-under-age-at-time-of-exploitation']) }),
    ...(child ? {} : { consentToNrm: !dtn }),
    ...(cooperates === undefined ? {} : { cooperatesWithAuthorities: cooperates }),
    potentialVictim: prune({
      gender: a['pv-gender'] === 'unknown' ? 'other' : (text(a['pv-gender']) ?? 'female'),
      nationality: toAlpha3(text(a['pv-nationality'])) ?? 'UNK',
      secondNationality: toAlpha3(text(a['pv-nationality-second'])),
      firstName: identified ? text(a['pv-name-first-name']) : undefined,
      lastName: identified ? text(a['pv-name-last-name']) : undefined,
      aliases: identified && text(a['pv-name-nickname']) ? [a['pv-name-nickname']] : undefined,
      dateOfBirth: dtn ? undefined : text(a['pv-dob']),
      homeOfficeReference: dtn || a['pv-ho-reference'] !== 'yes' ? undefined : text(a['pv-ho-reference-type']),
      interpreterLanguage: a['pv-interpreter-requirements'] === 'yes' ? text(a['pv-interpreter-requirements-language']) : undefined,
      contact: identified
        ? prune({
            phone: phone === 'yes' ? text(a['pv-phone-number-yes']) : undefined,
            alternativePhone: phone === 'pv-alternative-number' ? text(a['pv-phone-number-alternative']) : undefined,
            alternativePhoneRelation: phone === 'pv-alternative-number' ? text(a['alternative-number-relation-to-pv']) : undefined,
            noPhoneReason: phone === 'no' ? text(a['no-contact-details']) : undefined,
            email: contactBy.includes('email') ? text(a['pv-contact-details-email-input']) : undefined,
            safeToEmail: contactBy.includes('email') ? ticked(a['pv-contact-details-email-check']) || undefined : undefined,
            street: contactBy.includes('post') ? text(a['pv-contact-details-street'])?.trim() : undefined,
            town: contactBy.includes('post') ? text(a['pv-contact-details-town']) : undefined,
            county: contactBy.includes('post') ? text(a['pv-contact-details-county']) : undefined,
            postcode: contactBy.includes('post') ? text(a['pv-contact-details-postcode']) : undefined,
            safeToPost: contactBy.includes('post') ? ticked(a['pv-contact-details-post-check']) || undefined : undefined,
          })
        : undefined,
      currentLocation: prune({ town: text(a['current-pv-location-uk-city']), region: text(a['current-pv-location-uk-region']) }),
      background: prune({
        birthplace: text(a.birthplace),
        family: text(a.family),
        education: text(a.education),
        employmentHistory: text(a['employment-history']),
      }),
      needsSupport: dtn ? undefined : yes(a['does-pv-need-support']),
      hasChildren: dtn ? undefined : children,
      numberOfChildren: !dtn && children ? Number(a['does-pv-have-children-yes-amount']) : undefined,
      needsCommunicationHelp: dtn ? undefined : communication,
      communicationAid: !dtn && communication ? text(a['pv-other-help-with-communication-aid']) : undefined,
    }),
    exploitation: prune({
      ...(homeOfficeTypes.length ? { homeOfficeTypes } : { types: ['other'], otherDetails: 'not given' }),
      otherDetails: homeOfficeTypes.includes('other') ? text(a['other-exploitation-details']) : homeOfficeTypes.length ? undefined : 'not given',
      location,
      ukTowns: towns.length ? towns : undefined,
      countries: countries.length ? countries.map((c) => toAlpha3(c) ?? c) : undefined,
      otherUkLocation: location === 'overseas' ? undefined : text(a['where-exploitation-happened-other-uk-other-location']),
      otherOverseasLocation: location === 'uk' ? undefined : text(a['where-exploitation-happened-other-overseas-other-location']),
      ongoing,
      multipleSituations: yesNoNotSure(a['potential-victim-exploitative-situation-multiple']),
      whenDetails:
        a['potential-victim-exploitative-situation-multiple'] === 'yes'
          ? text(a['when-did-the-exploitation-take-place-multiple'])
          : text(a['when-did-the-exploitation-take-place']),
      howItStarted: text(a['how-did-the-exploitation-start']),
      takenSomewhere: taken,
      journeyDetails: taken ? text(a['were-they-taken-somewhere-by-their-exploiter-journey-details']) : undefined,
      requiredToDo: text(a['what-were-they-required-to-do']),
      livingConditions: text(a['living-conditions']),
      treatment: text(a['how-they-were-treated']),
      keepingThemThere: ongoing === true ? text(a['what-is-keeping-them-in-situation']) : undefined,
      howTheyLeft: ongoing === false ? text(a['how-why-did-they-leave-the-situation']) : undefined,
      lastContact: LAST_CONTACT[String(a['when-last-contact'])],
      lastContactDetails: text(a['details-last-contact']),
      exploiters: prune({
        details: text(a['who-exploited-pv']),
        locationKnown,
        inUk: locationKnown ? yes(a['are-exploiters-in-the-uk']) : undefined,
        locationDetails: locationKnown ? text(a['exploiters-current-location-details']) : undefined,
      }),
      otherVictims,
      otherVictimsDetails:
        otherVictims === 'yes'
          ? text(a['other-potential-victims-yes-details'])
          : otherVictims === 'not_sure'
            ? text(a['other-potential-victims-not-sure-details'])
            : undefined,
      futureRisk: future,
      futureRiskReasons: future ? text(a['future-exploitation-reasons']) : undefined,
    }),
    ...(child
      ? {
          localAuthorityContact: prune({
            authority: text(a['local-authority-contacted-about-child-local-authority-name']) ?? 'Aberdeen City Council',
            phone: text(a['local-authority-contacted-about-child-local-authority-phone']) ?? '07550130130',
            email: text(a['local-authority-contacted-about-child-local-authority-email']) ?? 'la@example.gov.uk',
            name:
              [
                text(a['local-authority-contacted-about-child-local-authority-first-name']),
                text(a['local-authority-contacted-about-child-local-authority-last-name']),
              ]
                .filter(Boolean)
                .join(' ') || undefined,
          }),
        }
      : {}),
    ...(a['reported-to-police'] === 'yes' || a['reported-to-police'] === 'no'
      ? { police: { force: text(a['reported-to-police-police-forces']) ?? 'Police Scotland', ...(crimeReference ? { crimeReference } : {}) } }
      : {}),
    ...(cooperates && text(a['authorities-cooperation-details']) ? { cooperationDetails: a['authorities-cooperation-details'] } : {}),
    ...(dtn && text(a['refuse-nrm']) ? { declinedNrmReason: a['refuse-nrm'] } : {}),
    ...(assessment ? { firstResponderAssessment: assessment } : {}),
    ...(someoneElse
      ? {
          decisionRecipient: prune({
            firstName: text(a['someone-else-first-name']),
            lastName: text(a['someone-else-last-name']),
            email: sendTo.includes('email') ? text(a['someone-else-email-input']) : undefined,
            street: sendTo.includes('post') ? text(a['someone-else-street'])?.trim() : undefined,
            town: sendTo.includes('post') ? text(a['someone-else-town']) : undefined,
            county: sendTo.includes('post') ? text(a['someone-else-county']) : undefined,
            postcode: sendTo.includes('post') ? text(a['someone-else-postcode']) : undefined,
            permissionGiven: ticked(a['someone-else-permission-check']),
          }),
        }
      : {}),
    narrative: text(a['what-happened']),
    referredAt: '2026-08-03T10:00:00Z',
  };
}
