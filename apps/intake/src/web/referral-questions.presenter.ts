import type { FieldViolation } from '@app/domain';
import { answerValue, formErrors, inSentence, listField, textField, yesNoField, type FieldDescription, type FormBody, type FormErrors } from '@app/web';
import type { DetailsShape, ReferralDraft } from './referral-journey';

/**
 * The Home Office form's questions that the details page does not ask, on a few pages of their own, in the form's
 * order and in its words (UKHomeOffice/modern-slavery, apps/nrm: fields and page headings; docs/home-office-form.md
 * lists each question beside our field). Every one of them is optional, as on the form, so a first responder may
 * go straight from the details to "Check your answers" and come back to these from there.
 */

/** What a page knows when it decides which questions to ask: the journey so far. */
export interface QuestionContext {
  shape: DetailsShape;
  /** Co-operates with the authorities (asked with consent for an adult, on the details page for a child). */
  cooperates?: boolean;
  /** Still in an exploitative situation (the details page). */
  ongoing?: boolean;
  location?: string;
  /** Their email address and postal address, as given on the details page. */
  email?: string;
  address?: string;
}

interface Option {
  value: string;
  text: string;
  hint?: string;
  /** Questions revealed when this option is chosen (GOV.UK conditional reveal). */
  reveal?: Question[];
}

export interface Question {
  /** The input's name. */
  name: string;
  /** Where the answer goes in the referral (POST /v1/referrals); the name when absent, nowhere when null. */
  path?: string | null;
  input: 'text' | 'textarea' | 'email' | 'tel' | 'number' | 'radios' | 'tick';
  /** How the answer is read: text, yes/no as a boolean, a choice's value, a whole number, a ticked box. */
  answer: 'text' | 'boolean' | 'choice' | 'number' | 'tick';
  /** The form's wording of the question. */
  label: string;
  /** A shorter name, for "Check your answers" and error messages. */
  short?: string;
  hint?: string;
  options?: Option[];
  /** What to do when a needed answer is missing (GOV.UK error message style). */
  missing?: string;
  classes?: string;
  /** Unticked means false (a permission that must be given), not "not answered". */
  untickedIsFalse?: boolean;
  /** The form's field name. */
  homeOffice?: string;
  when?: (ctx: QuestionContext) => boolean;
}

export interface QuestionPage {
  slug: string;
  title: string;
  /** Paths of rules about the page's answers as a whole (e.g. the decision recipient needs a way to reach them). */
  owns?: readonly string[];
  /** Messages for the rules' violations on this page, by path, where the rule's own words are an API's. */
  messages?: Readonly<Record<string, string>>;
  questions: Question[];
}

const YES_NO: Option[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

const textarea = (name: string, label: string, extra: Partial<Question> = {}): Question => ({ name, input: 'textarea', answer: 'text', label, ...extra });
const text = (name: string, label: string, extra: Partial<Question> = {}): Question => ({ name, input: 'text', answer: 'text', label, ...extra });
const yesNo = (name: string, label: string, extra: Partial<Question> & { yes?: Question[] } = {}): Question => {
  const { yes, ...rest } = extra;
  return { name, input: 'radios', answer: 'boolean', label, options: [{ ...YES_NO[0], reveal: yes }, YES_NO[1]], ...rest };
};

const nrm = (ctx: QuestionContext) => ctx.shape.kind === 'nrm';
const mayContact = (ctx: QuestionContext) => !ctx.shape.withheld.has('contact');

/**
 * "It is safe to write to them here", for the email address and the postal address the details page gave: asked
 * with "Who should we send our decision to? Potential victim" on an NRM referral, on its own on a Duty to Notify.
 */
function safeToWrite(asked: (ctx: QuestionContext) => boolean): Question[] {
  return [
    {
      name: 'potentialVictim.contact.safeToEmail',
      input: 'tick',
      answer: 'tick',
      label: 'It is safe to write to them at the email address you gave',
      short: 'Safe to email',
      homeOffice: 'pv-contact-details-email-check',
      when: (ctx) => asked(ctx) && mayContact(ctx) && ctx.email !== undefined,
    },
    {
      name: 'potentialVictim.contact.safeToPost',
      input: 'tick',
      answer: 'tick',
      label: 'It is safe to write to them at the address you gave',
      short: 'Safe to write to by post',
      homeOffice: 'pv-contact-details-post-check',
      when: (ctx) => asked(ctx) && mayContact(ctx) && ctx.address !== undefined,
    },
  ];
}

/** The pages, in the Home Office form's order. */
export const QUESTION_PAGES: readonly QuestionPage[] = [
  {
    slug: 'background',
    title: "The potential victim's background and how the exploitation started",
    questions: [
      text('potentialVictim.background.birthplace', 'Place of birth', {
        hint: 'Include the country and town or village they were born in.',
        homeOffice: 'birthplace',
      }),
      textarea('potentialVictim.background.family', 'Their family', {
        hint: 'Include information about who their family is, for example their parents and siblings.',
        homeOffice: 'family',
      }),
      textarea('potentialVictim.background.education', 'Education', {
        hint: 'Include details of any education they might have had, for example the school they went to and when.',
        homeOffice: 'education',
      }),
      textarea('potentialVictim.background.employmentHistory', 'Previous employment history', {
        hint: 'Only include their employment history before the exploitative situation.',
        homeOffice: 'employment-history',
      }),
      {
        name: 'exploitation.multipleSituations',
        input: 'radios',
        answer: 'choice',
        label: 'Has the potential victim been in more than one exploitative situation?',
        short: 'More than one exploitative situation',
        options: [...YES_NO, { value: 'not_sure', text: "I don't know" }],
        homeOffice: 'potential-victim-exploitative-situation-multiple',
      },
      textarea('exploitation.whenDetails', 'When did the exploitation happen?', {
        short: 'When the exploitation happened',
        hint: "Start and end date of exploitation; if they were in more than one exploitative situation, the start date, end date and type of each. If they don't know exact dates, give a loose time frame (such as a month or year), how old they were, or if it was a recent incident.",
        homeOffice: 'when-did-the-exploitation-take-place',
      }),
      textarea('exploitation.howItStarted', 'How did the exploitation start?', {
        short: 'How the exploitation started',
        hint: 'Explore what promises were made, what they were expecting to do, and what pay was promised.',
        homeOffice: 'how-did-the-exploitation-start',
      }),
      yesNo('exploitation.takenSomewhere', 'Was the potential victim taken somewhere by their exploiters?', {
        short: 'Taken somewhere by their exploiters',
        hint: 'Tell us about any journeys the potential victim was taken on, how it began and what transport was used.',
        homeOffice: 'were-they-taken-somewhere-by-their-exploiter',
        yes: [
          textarea('exploitation.journeyDetails', 'Journey details', {
            hint: 'Include any routes, places, landmark features, or times.',
            missing: 'Enter the journey details',
            homeOffice: 'were-they-taken-somewhere-by-their-exploiter-journey-details',
          }),
        ],
      }),
    ],
  },
  {
    slug: 'treatment',
    title: 'How was the potential victim treated during their exploitation?',
    questions: [
      textarea('exploitation.requiredToDo', 'What they had to do', {
        hint: 'Include details of what they had to do, how many hours a day they worked and whether any breaks were allowed.',
        homeOffice: 'what-were-they-required-to-do',
      }),
      textarea('exploitation.livingConditions', 'Their living conditions', {
        hint: 'Include details of their accommodation and whether there was access to facilities, such as a bathroom, sleeping arrangements and food.',
        homeOffice: 'living-conditions',
      }),
      textarea('exploitation.treatment', 'Their treatment', {
        hint: 'Detail how they were treated by the person or people who exploited them.',
        homeOffice: 'how-they-were-treated',
      }),
      textarea('exploitation.keepingThemThere', 'What is keeping the potential victim in the situation?', {
        short: 'What is keeping them in the situation',
        hint: 'If they are still in an exploitative situation.',
        homeOffice: 'what-is-keeping-them-in-situation',
        when: (ctx) => ctx.ongoing !== false,
      }),
      textarea('exploitation.howTheyLeft', 'How did the potential victim leave the exploitative situation?', {
        short: 'How they left the situation',
        hint: 'If they are no longer in an exploitative situation.',
        homeOffice: 'how-why-did-they-leave-the-situation',
        when: (ctx) => ctx.ongoing !== true,
      }),
      {
        name: 'exploitation.lastContact',
        input: 'radios',
        answer: 'choice',
        label: 'When were the potential victim and exploiters last in contact?',
        short: 'Last in contact with the exploiters',
        hint: 'This includes in person conversations, phone calls, instant messages, emails, writing, or communicating through another person.',
        options: [
          { value: 'last_week', text: 'Within the last week' },
          { value: 'last_month', text: 'Within the last month' },
          { value: 'last_3_months', text: 'Within the last 3 months' },
          { value: 'last_6_months', text: 'Within the last 6 months' },
          { value: '6_to_12_months', text: 'Within the last 6-12 months' },
          { value: 'over_a_year', text: 'Over a year ago' },
          { value: 'not_sure', text: 'Not sure' },
        ],
        homeOffice: 'when-last-contact',
      },
      textarea('exploitation.lastContactDetails', 'Tell us about the last contact between the potential victim and their exploiters', {
        short: 'The last contact with the exploiters',
        hint: 'How they communicated and what was said, who was involved, any threats that the exploiters made, and whether the potential victim has taken any steps to prevent contact with their exploiters.',
        homeOffice: 'details-last-contact',
      }),
    ],
  },
  {
    slug: 'assessment',
    title: 'Your assessment',
    questions: [
      {
        name: 'firstResponderAssessment.reportedBefore',
        input: 'radios',
        answer: 'choice',
        label: 'Has the potential victim reported this before?',
        short: 'Reported this before',
        homeOffice: 'is-this-the-first-chance-to-report',
        options: [
          {
            value: 'yes',
            text: 'Yes',
            reveal: [
              textarea('firstResponderAssessment.reportedBeforeDetails', 'Provide more information (optional)', {
                short: 'About the earlier report',
                hint: 'If you know them, include any NRM or Home Office reference numbers.',
                homeOffice: 'yes-the-first-chance-to-report',
              }),
            ],
          },
          {
            value: 'no',
            text: 'No',
            reveal: [
              textarea('firstResponderAssessment.whyNotReportedSooner', 'Is there anything that prevented the potential victim from reporting this sooner?', {
                short: 'What prevented them reporting sooner',
                hint: 'For example, emotional distress or trauma.',
                homeOffice: 'why-report-now',
              }),
            ],
          },
          {
            value: 'not_sure',
            text: 'Not sure',
            reveal: [
              textarea('firstResponderAssessment.reportedBeforeDetailsNotSure', 'Provide more information (optional)', {
                path: 'firstResponderAssessment.reportedBeforeDetails',
                short: 'About an earlier report',
                hint: 'If you know them, include any NRM or Home Office reference numbers.',
                homeOffice: 'not-sure-the-first-chance-to-report',
              }),
            ],
          },
        ],
      },
      yesNo('firstResponderAssessment.modernSlaveryIndicators', 'Did you identify any modern slavery indicators?', {
        short: 'Modern slavery indicators identified',
        homeOffice: 'modern-slavery-indicators',
        yes: [
          textarea('firstResponderAssessment.modernSlaveryIndicatorsDetails', 'Provide details of the modern slavery indicators', {
            short: 'The indicators',
            missing: 'Enter the modern slavery indicators you identified',
            homeOffice: 'modern-slavery-indicators-details',
          }),
        ],
      }),
      textarea('firstResponderAssessment.interviews', 'Tell us about the interviews', {
        short: 'The interviews',
        hint: 'Where and how they were carried out, and who was there.',
        homeOffice: 'where-how-interview-carried-out',
      }),
      textarea('firstResponderAssessment.professionalInsight', 'Your professional insight', {
        hint: 'Using your professional judgement, provide any relevant information about why you are making this referral.',
        homeOffice: 'professional-insight',
      }),
      yesNo('firstResponderAssessment.credibilityConcerns', "Do you have any concerns about the potential victim's credibility?", {
        short: 'Concerns about their credibility',
        homeOffice: 'evidence-of-dishonesty',
        yes: [
          textarea('firstResponderAssessment.credibilityConcernsDetails', 'Evidence', {
            short: 'Evidence of the concerns',
            missing: 'Enter the evidence for your concerns',
            homeOffice: 'evidence-of-dishonesty-details',
          }),
        ],
      }),
      yesNo('firstResponderAssessment.othersInvolved', 'Are there other professionals or organisations involved with this case?', {
        short: 'Other professionals or organisations involved',
        hint: 'This could be a legal team, GP, support worker, mental health worker or social worker.',
        homeOffice: 'are-others-involved',
        yes: [
          textarea('firstResponderAssessment.othersInvolvedDetails', 'Other people involved', {
            hint: 'Include any referrals made, actions already taken, reference numbers, or contact details.',
            missing: 'Enter who else is involved',
            homeOffice: 'are-others-involved-details',
          }),
        ],
      }),
    ],
  },
  {
    slug: 'exploiters',
    title: 'Where they are, and who exploited them',
    questions: [
      textarea('exploitation.otherUkLocation', 'Where was the potential victim exploited in the UK? Address or location', {
        short: 'Address or location in the UK',
        hint: 'Provide any addresses, locations, or other details that may help identify the location of the exploitation, for example village names or landmarks.',
        homeOffice: 'where-exploitation-happened-other-uk-other-location',
        when: (ctx) => ctx.location !== 'overseas',
      }),
      textarea('exploitation.otherOverseasLocation', 'Where was the potential victim exploited overseas? Address or location', {
        short: 'Address or location overseas',
        hint: 'Provide any addresses, locations, or other details that may help identify the location of the exploitation, for example village names or landmarks.',
        homeOffice: 'where-exploitation-happened-other-overseas-other-location',
        when: (ctx) => ctx.location !== 'uk',
      }),
      text('potentialVictim.currentLocation.town', 'Where is the potential victim staying? City or town', {
        short: 'Staying in (city or town)',
        hint: "Enter 'Unknown' if they are unsure.",
        classes: 'govuk-!-width-two-thirds',
        homeOffice: 'current-pv-location-uk-city',
      }),
      text('potentialVictim.currentLocation.region', 'Region', {
        short: 'Staying in (region)',
        hint: "For example, Buckinghamshire. Enter 'Unknown' if they are unsure.",
        classes: 'govuk-!-width-two-thirds',
        homeOffice: 'current-pv-location-uk-region',
      }),
      textarea('exploitation.exploiters.details', 'Who exploited the potential victim?', {
        short: 'Who exploited them',
        hint: 'Details about the exploiter or exploiters.',
        homeOffice: 'who-exploited-pv',
      }),
      yesNo('exploitation.exploiters.locationKnown', 'Do you have information about where the exploiters are?', {
        short: 'Information about where the exploiters are',
        hint: 'Provide any information you can, even if you think it is outdated.',
        homeOffice: 'exploiters-location',
        yes: [
          {
            name: 'exploitation.exploiters.inUk',
            input: 'radios',
            answer: 'boolean',
            label: 'Are the exploiters in the UK?',
            short: 'Exploiters in the UK',
            hint: 'If you are unsure, answer based on the last known location of the exploiters.',
            options: YES_NO,
            classes: 'govuk-radios--inline',
            missing: 'Select whether the exploiters are in the UK',
            homeOffice: 'are-exploiters-in-the-uk',
          },
          textarea('exploitation.exploiters.locationDetails', "Information about the exploiters' location", {
            hint: 'This can be a general or specific location, or even a contact from another organisation who has this information.',
            missing: "Enter the information you have about the exploiters' location",
            homeOffice: 'exploiters-current-location-details',
          }),
        ],
      }),
      {
        name: 'exploitation.otherVictims',
        input: 'radios',
        answer: 'choice',
        label: 'Were there any other potential victims?',
        short: 'Other potential victims',
        homeOffice: 'any-other-pvs',
        options: [
          {
            value: 'yes',
            text: 'Yes',
            reveal: [
              textarea('exploitation.otherVictimsDetails', 'Provide more information (optional)', {
                short: 'About the other potential victims',
                hint: 'If you know them, include any operation names or family members being reported at the same time.',
                homeOffice: 'other-potential-victims-yes-details',
              }),
            ],
          },
          { value: 'no', text: 'No' },
          {
            value: 'not_sure',
            text: 'Not sure',
            reveal: [
              textarea('exploitation.otherVictimsDetailsNotSure', 'Provide more information (optional)', {
                path: 'exploitation.otherVictimsDetails',
                short: 'About other potential victims',
                homeOffice: 'other-potential-victims-not-sure-details',
              }),
            ],
          },
        ],
      },
      yesNo('exploitation.futureRisk', 'Are there concerns that the potential victim could be exploited again in the future?', {
        short: 'Concerns of exploitation in the future',
        hint: 'This includes concerns from other professionals or organisations involved. You must have reasons or evidence for these concerns.',
        homeOffice: 'future-exploitation-concerns',
        yes: [
          textarea('exploitation.futureRiskReasons', 'Explain why there are concerns', {
            short: 'Why there are concerns',
            missing: 'Explain why there are concerns of exploitation in the future',
            homeOffice: 'future-exploitation-reasons',
          }),
        ],
      }),
      textarea('cooperationDetails', 'Details of co-operation with authorities', {
        hint: "Details about the individual's existing or planned co-operation with investigations or criminal proceedings.",
        homeOffice: 'authorities-cooperation-details',
        when: (ctx) => ctx.cooperates === true,
      }),
      textarea('declinedNrmReason', "Why doesn't the potential victim want their case referred to the NRM?", {
        short: 'Why they do not want an NRM referral',
        hint: "Briefly explain why the potential victim doesn't want their case referred.",
        homeOffice: 'refuse-nrm',
        when: (ctx) => ctx.shape.kind === 'dtn',
      }),
    ],
  },
  {
    slug: 'support',
    title: 'Support, contact and your report',
    owns: ['decisionRecipient'],
    messages: {
      decisionRecipient: 'Enter an email address, or a building and street, town or city and postcode, for the person the decision is sent to',
      'decisionRecipient.permissionGiven': 'Confirm that the potential victim has given you permission to send the decision to this person',
      'potentialVictim.contact.noPhoneReason': 'You gave their phone number on the details page: choose their telephone number here, or remove it there',
    },
    questions: [
      yesNo('potentialVictim.needsSupport', 'Does the potential victim want support?', {
        short: 'Wants support',
        hint: 'Support to enable ongoing recovery may include safe housing, support to access medical treatment, someone to help them cope with their experience, and protection from the people who exploited them.',
        classes: 'govuk-radios--inline',
        homeOffice: 'does-pv-need-support',
        when: nrm,
      }),
      {
        name: 'supportContact',
        path: null,
        input: 'radios',
        answer: 'choice',
        label: 'How can the support provider contact the potential victim?',
        short: 'How the support provider can contact them',
        homeOffice: 'pv-phone-number',
        when: (ctx) => nrm(ctx) && mayContact(ctx),
        options: [
          { value: 'yes', text: "Potential victim's telephone number", hint: 'Give it under "How to contact them" on the details page.' },
          {
            value: 'alternative',
            text: 'Alternative telephone number',
            hint: 'Make sure this person is safe to be contacted. Check that these are not the contact details of the exploiters.',
            reveal: [
              {
                name: 'potentialVictim.contact.alternativePhone',
                input: 'tel',
                answer: 'text',
                label: 'Alternative telephone number',
                hint: 'For example, 07700 900123, or +44 1296 395000.',
                classes: 'govuk-input--width-20',
                homeOffice: 'pv-phone-number-alternative',
              },
              text('potentialVictim.contact.alternativePhoneRelation', 'Relationship to potential victim', {
                hint: 'Who this is, for example, a legal representative.',
                missing: 'Enter who the alternative telephone number belongs to',
                homeOffice: 'alternative-number-relation-to-pv',
              }),
            ],
          },
          {
            value: 'none',
            text: 'Cannot provide contact details',
            reveal: [
              textarea('potentialVictim.contact.noPhoneReason', "Tell us why you cannot provide the potential victim's telephone number", {
                short: 'Why there is no telephone number',
                hint: 'For example, you are no longer in contact with them, or they do not have a phone.',
                homeOffice: 'no-contact-details',
              }),
            ],
          },
        ],
      },
      yesNo('potentialVictim.hasChildren', 'Do they have any children?', {
        short: 'Has children',
        homeOffice: 'does-pv-have-children',
        when: nrm,
        yes: [
          {
            name: 'potentialVictim.numberOfChildren',
            input: 'number',
            answer: 'number',
            label: 'Enter number of children',
            short: 'Number of children',
            classes: 'govuk-input--width-3',
            missing: 'Enter the number of children',
            homeOffice: 'does-pv-have-children-yes-amount',
          },
        ],
      }),
      yesNo('potentialVictim.needsCommunicationHelp', 'Do they need help with communication?', {
        short: 'Needs help with communication',
        hint: 'For example, a hearing aid or a sign language interpreter.',
        homeOffice: 'pv-other-help-with-communication',
        when: nrm,
        yes: [
          text('potentialVictim.communicationAid', 'Enter communication aid', {
            short: 'Communication aid',
            missing: 'Enter the communication aid they need',
            homeOffice: 'pv-other-help-with-communication-aid',
          }),
        ],
      }),
      {
        name: 'decisionTo',
        path: null,
        input: 'radios',
        answer: 'choice',
        label: 'Who should we send our decision to?',
        short: 'Decision sent to',
        homeOffice: 'who-contact',
        when: nrm,
        options: [
          { value: 'potential_victim', text: 'Potential victim', reveal: safeToWrite(() => true) },
          {
            value: 'someone_else',
            text: 'Someone else',
            reveal: [
              text('decisionRecipient.firstName', 'First name (optional)', { short: 'Their first name', homeOffice: 'someone-else-first-name' }),
              text('decisionRecipient.lastName', 'Last name (optional)', { short: 'Their last name', homeOffice: 'someone-else-last-name' }),
              {
                name: 'decisionRecipient.email',
                input: 'email',
                answer: 'text',
                label: 'Email address',
                short: 'Their email address',
                missing: 'Enter their email address in the correct format, like name@example.com',
                homeOffice: 'someone-else-email-input',
              },
              text('decisionRecipient.street', 'Building and street', { short: 'Their building and street', homeOffice: 'someone-else-street' }),
              text('decisionRecipient.town', 'Town or city', {
                short: 'Their town or city',
                classes: 'govuk-!-width-two-thirds',
                homeOffice: 'someone-else-town',
              }),
              text('decisionRecipient.county', 'County (optional)', {
                short: 'Their county',
                classes: 'govuk-!-width-two-thirds',
                homeOffice: 'someone-else-county',
              }),
              text('decisionRecipient.postcode', 'Postcode', {
                short: 'Their postcode',
                classes: 'govuk-input--width-10',
                homeOffice: 'someone-else-postcode',
              }),
              {
                name: 'decisionRecipient.permissionGiven',
                input: 'tick',
                answer: 'tick',
                untickedIsFalse: true,
                label: 'The potential victim has given you permission to send the decision to this person.',
                short: 'Permission given',
                missing: 'Confirm that the potential victim has given you permission to send the decision to this person',
                homeOffice: 'someone-else-permission-check',
              },
            ],
          },
        ],
      },
      ...safeToWrite((ctx) => ctx.shape.kind === 'dtn'),
      {
        name: 'firstResponder.reportMadeIn',
        input: 'radios',
        answer: 'choice',
        label: 'Where are you making this report?',
        short: 'Report made in',
        homeOffice: 'fr-location',
        options: [
          { value: 'england', text: 'England' },
          { value: 'wales', text: 'Wales' },
          { value: 'scotland', text: 'Scotland' },
          { value: 'northern_ireland', text: 'Northern Ireland' },
        ],
      },
      {
        name: 'firstResponder.alternativeEmail',
        input: 'email',
        answer: 'text',
        label: 'Who should we contact in your absence? Email address',
        short: 'Contact in your absence',
        hint: 'This could be a manager, colleague or a team inbox.',
        missing: 'Enter the email address in the correct format, like name@example.gov.uk',
        homeOffice: 'fr-alternative-contact',
      },
      textarea('firstResponderAssessment.evidence', 'Tell us about the documents you will submit to the Home Office', {
        short: 'Documents to submit',
        homeOffice: 'what-evidence-you-will-submit',
      }),
    ],
  },
];

export function questionPage(slug: string): QuestionPage | undefined {
  return QUESTION_PAGES.find((p) => p.slug === slug);
}

export const idOf = (name: string): string => name.replace(/\./g, '-');
const pathOf = (q: Question): string | undefined => (q.path === null ? undefined : (q.path ?? q.name));

/** Every question of a page, revealed ones included, whether or not it is asked now. */
function allQuestions(questions: readonly Question[]): Question[] {
  return questions.flatMap((q) => [q, ...allQuestions((q.options ?? []).flatMap((o) => o.reveal ?? []))]);
}

/** The input names a page posts, so that its answers replace only its own. */
export function pageInputNames(page: QuestionPage): Set<string> {
  return new Set(allQuestions(page.questions).map((q) => q.name));
}

/** The journey so far, as the pages need it. */
export function questionContext(draft: ReferralDraft, shape: DetailsShape, details: FormBody): QuestionContext {
  const contact = !shape.withheld.has('contact');
  return {
    shape,
    cooperates: shape.asksCooperation ? yesNoField(details, 'cooperatesWithAuthorities') : draft.cooperatesWithAuthorities,
    ongoing: yesNoField(details, 'exploitation.ongoing'),
    location: textField(details, 'exploitation.location'),
    email: contact ? textField(details, 'potentialVictim.contact.email') : undefined,
    // The rules take a postal address as a building and street, a town and a postcode.
    address: contact ? postalAddress(details) : undefined,
  };
}

function postalAddress(details: FormBody): string | undefined {
  const parts = ['street', 'town', 'postcode'].map((part) => textField(details, `potentialVictim.contact.${part}`));
  return parts.every((p) => p !== undefined) ? parts.join(', ') : undefined;
}

/** A page is offered when it asks something of this referral. */
export function pagesFor(ctx: QuestionContext): QuestionPage[] {
  return QUESTION_PAGES.filter((p) => p.questions.some((q) => !q.when || q.when(ctx)));
}

/** Where Continue leads from a page: the next page that asks something, then "Check your answers". */
export function nextAfter(slug: string, ctx: QuestionContext): string {
  const pages = pagesFor(ctx);
  const at = pages.findIndex((p) => p.slug === slug);
  const next = pages.at(at + 1);
  return next ? `/referrals/new/${next.slug}` : '/referrals/new/check';
}

export function previousBefore(slug: string, ctx: QuestionContext): string {
  const pages = pagesFor(ctx);
  const at = pages.findIndex((p) => p.slug === slug);
  return at > 0 ? `/referrals/new/${pages[at - 1].slug}` : '/referrals/new/details';
}

function read(q: Question, form: FormBody): unknown {
  switch (q.answer) {
    case 'boolean':
      return yesNoField(form, q.name);
    case 'tick':
      return listField(form, q.name).includes('yes') ? true : q.untickedIsFalse ? false : undefined;
    case 'number': {
      const value = textField(form, q.name);
      return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
    }
    default:
      return textField(form, q.name);
  }
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** The questions a page asks now, each with the questions its chosen option reveals. */
function asked(questions: readonly Question[], ctx: QuestionContext, form: FormBody, visit: (q: Question) => void): void {
  for (const q of questions) {
    if (q.when && !q.when(ctx)) continue;
    visit(q);
    const chosen = q.options?.find((o) => o.value === textField(form, q.name));
    if (chosen?.reveal) asked(chosen.reveal, ctx, form, visit);
  }
}

/**
 * The answers of the pages in the API's shape, to be merged into the details' (POST /v1/referrals). Only what a
 * page asks now is sent: a question no longer asked after an earlier answer changed is dropped, not sent unseen.
 */
export function questionsBody(ctx: QuestionContext, form: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const page of pagesFor(ctx)) {
    asked(page.questions, ctx, form, (q) => {
      const path = pathOf(q);
      const value = read(q, form);
      if (path && value !== undefined) setAt(body, path, value);
    });
  }
  return body;
}

/** Deep merge of plain objects: the pages' answers beside the details'. */
export function mergeAnswers(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const existing = out[key];
    const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = plain(existing) && plain(value) ? mergeAnswers(existing, value) : value;
  }
  return out;
}

/** An answer as text: the body holds strings, numbers and lists of them. */
function answerText(raw: unknown): string {
  if (Array.isArray(raw)) return raw.map(answerText).join(',');
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
}

/** The page's answers by API path, for error messages and links. */
function fieldsOf(page: QuestionPage): Record<string, FieldDescription> {
  const fields: Record<string, FieldDescription> = {};
  for (const q of allQuestions(page.questions)) {
    const path = pathOf(q);
    if (path && !Object.hasOwn(fields, path)) fields[path] = { target: idOf(q.name), label: q.short ?? q.label, missing: q.missing };
  }
  return fields;
}

/** The page whose question a rule's violation is about, or undefined for the details page (or earlier). */
export function pageOfViolation(path: string): string | undefined {
  const bare = path.replace(/\.\d+$/, '');
  return QUESTION_PAGES.find((p) => Object.hasOwn(fieldsOf(p), bare) || (p.owns ?? []).includes(bare))?.slug;
}

/** A page's errors: the rules' violations of its answers, worded for the page. */
export function questionErrors(page: QuestionPage, violations: readonly FieldViolation[]): FormErrors | undefined {
  const own = violations
    .filter((v) => pageOfViolation(v.path) === page.slug)
    .map((v) => (page.messages?.[v.path] ? { path: v.path, message: page.messages[v.path] } : v));
  if (own.length === 0) return undefined;
  const fields = fieldsOf(page);
  // A rule about the decision recipient as a whole is shown at its email address, the first way to reach them.
  if (page.owns?.includes('decisionRecipient')) fields.decisionRecipient = { target: 'decisionRecipient-email', label: 'The person the decision is sent to' };
  const errors = formErrors(own, fields);
  // The page's own wording stands as written (it is already a sentence for a person).
  for (const v of own) {
    if (!page.messages?.[v.path]) continue;
    if (!Object.hasOwn(fields, v.path)) continue;
    errors.fields[v.path] = page.messages[v.path];
    for (const item of errors.summary) if (item.href === `#${fields[v.path].target}`) item.text = page.messages[v.path];
  }
  return errors;
}

interface QuestionView {
  kind: Question['input'];
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  checked?: boolean;
  classes?: string;
  error?: { text: string };
  items?: Array<{ value: string; text: string; hint?: { text: string }; checked: boolean; reveal?: QuestionView[] }>;
}

/** The page's questions ready for GOV.UK's macros: the answers so far, the choices, what each choice reveals. */
function questionViews(questions: readonly Question[], ctx: QuestionContext, form: FormBody, errors: FormErrors | undefined): QuestionView[] {
  return questions
    .filter((q) => !q.when || q.when(ctx))
    .map((q) => {
      const path = pathOf(q);
      const error = path && errors?.fields[path] ? { text: errors.fields[path] } : undefined;
      const value = textField(form, q.name);
      return {
        kind: q.input,
        id: idOf(q.name),
        name: q.name,
        label: q.label,
        hint: q.hint,
        value: form[q.name] === undefined ? undefined : String(Array.isArray(form[q.name]) ? (form[q.name] as string[])[0] : form[q.name]),
        checked: q.input === 'tick' ? listField(form, q.name).includes('yes') : undefined,
        classes: q.classes,
        error,
        items: q.options?.map((o) => ({
          value: o.value,
          text: o.text,
          hint: o.hint ? { text: o.hint } : undefined,
          checked: value === o.value,
          reveal: o.reveal ? questionViews(o.reveal, ctx, form, errors) : undefined,
        })),
      };
    });
}

export function questionPageView(
  page: QuestionPage,
  ctx: QuestionContext,
  form: FormBody,
  errors: FormErrors | undefined,
  kindName: string,
  returnToCheck: boolean,
): Record<string, unknown> {
  return {
    title: page.title,
    slug: page.slug,
    kindName,
    child: ctx.shape.child,
    backLink: returnToCheck ? '/referrals/new/check' : previousBefore(page.slug, ctx),
    returnToCheck,
    errors,
    questions: questionViews(page.questions, ctx, form, errors),
  };
}

/**
 * "Check your answers" for the pages: one section each, every answer given read back in words with a link to
 * change it, and a page with nothing answered said so, with a link to answer it.
 */
export function questionSections(ctx: QuestionContext, form: FormBody, body: object): Array<{ title: string; rows: unknown[] }> {
  return pagesFor(ctx).map((page) => {
    const rows: unknown[] = [];
    asked(page.questions, ctx, form, (q) => {
      const path = pathOf(q);
      const raw = path ? valueAt(body, path) : textField(form, q.name);
      if (raw === undefined || raw === null || raw === '') return;
      const label = q.short ?? q.label;
      const shown = typeof raw === 'boolean' ? (raw ? 'Yes' : 'No') : (q.options?.find((o) => o.value === raw)?.text ?? answerText(raw));
      rows.push({
        key: { text: label },
        value: answerValue(shown),
        actions: { items: [{ href: `/referrals/new/${page.slug}?return=check#${idOf(q.name)}`, text: 'Change', visuallyHiddenText: inSentence(label) }] },
      });
    });
    if (rows.length === 0) {
      rows.push({
        key: { text: 'Answers' },
        value: { text: 'Not answered' },
        actions: { items: [{ href: `/referrals/new/${page.slug}?return=check`, text: 'Change', visuallyHiddenText: inSentence(page.title) }] },
      });
    }
    return { title: page.title, rows };
  });
}

function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), body);
}
