import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { PageRenderer } from '@app/web';
import { detailedTypes } from './referral-form.presenter';
import { detailsShape, type ReferralDraft } from './referral-journey';
import { QUESTION_PAGES, questionContext, questionErrors, questionPageView, questionsBody, pagesFor, type Question } from './referral-questions.presenter';

// The Home Office form's own steps and fields (test/fixtures/home-office-form.json names its source commit).
const FORM = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/home-office-form.json'), 'utf8')) as {
  steps: Array<{ path: string; fields: string[] }>;
  fields: Array<{ name: string; question: string; options?: string[]; optionLabels?: Record<string, string> }>;
};

const adult: ReferralDraft = { under18: 'no', under18DuringExploitation: 'no', consentToNrm: true, cooperatesWithAuthorities: true };
const anonymous: ReferralDraft = { under18: 'no', under18DuringExploitation: 'no', consentToNrm: false, cooperatesWithAuthorities: false };
const details = {
  'exploitation.location': 'uk_and_overseas',
  'potentialVictim.contact.email': 'a@example.com',
  'potentialVictim.contact.street': '1 High Street',
  'potentialVictim.contact.town': 'Slough',
  'potentialVictim.contact.postcode': 'SL1 1AA',
};

describe("the Home Office form's further pages", () => {
  it("ask only questions the form has, in the form's order (where the report is made is asked with your details)", () => {
    // A field's place on the NRM route: its step's position (the Duty to Notify's own steps are skipped).
    const place = new Map<string, number>();
    FORM.steps.forEach((step, i) => {
      if (step.path.endsWith('-dtn') && step.path !== '/pv-name-dtn') return;
      for (const field of step.fields) if (!place.has(field) || step.path.endsWith('-referral')) place.set(field, i);
    });
    place.set(
      'refuse-nrm',
      FORM.steps.findIndex((s) => s.path === '/refuse-nrm'),
    );
    const known = new Set(FORM.fields.map((f) => f.name));
    // Each option's revealed questions follow their radio; the options are alternatives, so each is checked from it.
    const inOrder = (questions: readonly Question[], from: number): number => {
      let at = from;
      for (const q of questions) {
        if (!q.homeOffice || q.homeOffice === 'fr-location') continue;
        expect({ field: q.homeOffice, known: known.has(q.homeOffice) }).toEqual({ field: q.homeOffice, known: true });
        const here = place.get(q.homeOffice) ?? -1;
        expect({ field: q.homeOffice, after: at, ok: here >= at }).toEqual({ field: q.homeOffice, after: at, ok: true });
        at = here;
        at = Math.max(at, ...(q.options ?? []).map((o) => inOrder(o.reveal ?? [], here)));
      }
      return at;
    };
    let at = 0;
    for (const page of QUESTION_PAGES) at = inOrder(page.questions, at);
  });

  it("offer every choice of the form's multiple-choice questions, in its words", () => {
    const labels = new Map(FORM.fields.filter((f) => f.optionLabels).map((f) => [f.name, Object.values(f.optionLabels!)]));
    const radios = QUESTION_PAGES.flatMap((p) => p.questions).filter((q) => q.input === 'radios' && q.homeOffice && labels.has(q.homeOffice));
    expect(radios.length).toBeGreaterThanOrEqual(12);
    for (const q of radios)
      expect({ field: q.homeOffice, texts: q.options!.map((o) => o.text) }).toEqual({ field: q.homeOffice, texts: labels.get(q.homeOffice!) });
  });

  it('read the answers into the API shape, each follow-up only with the choice that asks it', () => {
    const ctx = questionContext(adult, detailsShape(adult), details);
    const body = questionsBody(ctx, {
      'potentialVictim.background.birthplace': 'Durrës, Albania',
      'exploitation.multipleSituations': 'not_sure',
      'exploitation.takenSomewhere': 'yes',
      'exploitation.journeyDetails': 'By lorry to Dover',
      'exploitation.futureRisk': 'no',
      'exploitation.futureRiskReasons': 'left behind when the answer changed',
      'firstResponderAssessment.reportedBefore': 'not_sure',
      'firstResponderAssessment.reportedBeforeDetails': 'not asked with not sure',
      'firstResponderAssessment.reportedBeforeDetailsNotSure': 'Perhaps to Kent Police',
      'exploitation.exploiters.locationKnown': 'yes',
      'exploitation.exploiters.inUk': 'no',
      supportContact: 'alternative',
      'potentialVictim.contact.alternativePhone': '07700 900123',
      'potentialVictim.contact.alternativePhoneRelation': 'Solicitor',
      'potentialVictim.hasChildren': 'yes',
      'potentialVictim.numberOfChildren': '2',
      decisionTo: 'someone_else',
      'decisionRecipient.email': 'sister@example.com',
      'potentialVictim.contact.safeToEmail': 'yes',
      'firstResponder.reportMadeIn': 'wales',
    });
    expect(body).toEqual({
      potentialVictim: {
        background: { birthplace: 'Durrës, Albania' },
        contact: { alternativePhone: '07700 900123', alternativePhoneRelation: 'Solicitor' },
        hasChildren: true,
        numberOfChildren: 2,
      },
      exploitation: {
        multipleSituations: 'not_sure',
        takenSomewhere: true,
        journeyDetails: 'By lorry to Dover',
        futureRisk: false,
        exploiters: { locationKnown: true, inUk: false },
      },
      firstResponderAssessment: { reportedBefore: 'not_sure', reportedBeforeDetails: 'Perhaps to Kent Police' },
      // Someone else chosen: the permission box left unticked is a "no", which the rules refuse.
      decisionRecipient: { email: 'sister@example.com', permissionGiven: false },
      firstResponder: { reportMadeIn: 'wales' },
    });
  });

  it('ask an anonymous Duty to Notify nothing that identifies the person, and why they declined the NRM', () => {
    const ctx = questionContext(anonymous, detailsShape(anonymous), details);
    const asked = pagesFor(ctx).flatMap((p) => p.questions.filter((q) => !q.when || q.when(ctx)).map((q) => q.name));
    expect(asked).toContain('declinedNrmReason');
    for (const name of ['supportContact', 'decisionTo', 'potentialVictim.contact.safeToEmail', 'potentialVictim.hasChildren', 'cooperationDetails'])
      expect(asked).not.toContain(name);
    expect(
      questionsBody(ctx, { 'potentialVictim.contact.safeToEmail': 'yes', decisionTo: 'someone_else', 'decisionRecipient.email': 'x@example.com' }),
    ).toEqual({});
  });

  it('render as GOV.UK questions with conditional reveals, and show a problem beside its field and in the summary', () => {
    const renderer = new PageRenderer({ serviceName: 'Referral Hub', navigation: [], home: () => '/', roles: ['first_responder'] }, {
      preSessionToken: () => 'token',
    } as never);
    const req = { path: '/referrals/new/support', session: {} } as unknown as Request;
    const res = { locals: {} } as unknown as Response;
    const ctx = questionContext(adult, detailsShape(adult), details);
    for (const page of QUESTION_PAGES) {
      const html = renderer.renderToString(req, res, 'intake/referral-questions.njk', questionPageView(page, ctx, {}, undefined, 'NRM referral', false));
      expect(html).toContain(`<h1 class="govuk-heading-l">${page.title.replace(/'/g, '&#39;')}</h1>`);
      expect(html).toContain('govuk-fieldset__legend');
    }
    const support = QUESTION_PAGES.find((p) => p.slug === 'support')!;
    const errors = questionErrors(support, [{ path: 'decisionRecipient.permissionGiven', message: 'permissionGiven must be a boolean value' }]);
    const html = renderer.renderToString(
      req,
      res,
      'intake/referral-questions.njk',
      questionPageView(support, ctx, { decisionTo: 'someone_else' }, errors, 'NRM referral', true),
    );
    expect(errors?.summary).toEqual([
      { text: 'Confirm that the potential victim has given you permission to send the decision to this person', href: '#decisionRecipient-permissionGiven' },
    ]);
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('govuk-radios__conditional');
    expect(html).toContain('id="decisionRecipient-permissionGiven-error"');
    expect(html).toContain('name="returnTo" value="check"');
  });
});

describe("the form's detailed types on the details page", () => {
  it('are those ticked under each type selected, with the one detailed type of a type that has one', () => {
    expect(
      detailedTypes({ 'exploitation.types': ['labour', 'sexual', 'criminal'], 'exploitation.homeOfficeTypes': ['prostitution', 'forced-to-commit-fraud'] }),
    ).toEqual(['forced-to-commit-fraud', 'prostitution', 'forced-to-commit-crime']);
    expect(detailedTypes({ 'exploitation.types': 'criminal' })).toEqual(['forced-to-commit-crime']);
    // Ticked under a type then unselected: not sent.
    expect(detailedTypes({ 'exploitation.types': 'sexual', 'exploitation.homeOfficeTypes': ['prostitution', 'wages-taken'] })).toEqual(['prostitution']);
  });

  it('are left to the statistics types when nothing is ticked under a type that has several', () => {
    expect(detailedTypes({ 'exploitation.types': ['labour', 'criminal'] })).toBeUndefined();
    // Ticked under one type and not under another: sent, so the rules ask for the rest.
    expect(detailedTypes({ 'exploitation.types': ['labour', 'sexual'], 'exploitation.homeOfficeTypes': 'prostitution' })).toEqual(['prostitution']);
  });
});
