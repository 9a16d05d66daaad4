import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import type { FieldViolation } from '@app/domain';
import { InvalidRequestError } from '@app/common';
import { PageRenderer, validateQuery, type FormBody } from '@app/web';
import { ReferralBodyPipe } from '../referrals/referral-body.pipe';
import { referralBody } from './referral-form.presenter';
import { ListReferralsQuery } from '../referrals/dto/list-referrals.query';
import { detailsView, listView, readListFilters } from './referral-pages.presenter';
import { detailsShape, type ReferralDraft } from './referral-journey';

/**
 * Every example a hint of the details page shows ("for example 943 476 5919", "For example, 27 3 2025, or 3 2025")
 * is taken from the rendered page and sent through the API's own validation: a hint must never suggest an answer
 * the rules refuse.
 */
describe('hint examples on the referral details page', () => {
  const pipe = new ReferralBodyPipe();
  const lead: Principal = { sub: 'lead', role: 'safeguarding_lead' };
  const renderer = new PageRenderer({ serviceName: 'Referral Hub', navigation: [], home: () => '/', roles: ['safeguarding_lead'] }, {
    preSessionToken: () => 'token',
  } as never);
  const req = { path: '/referrals/new/details', session: {} } as unknown as Request;
  const res = { locals: {} } as unknown as Response;

  // A complete, valid child referral (the page that asks every question), to change one answer at a time.
  const valid: FormBody = {
    'localAuthorityContact.authority': 'Buckinghamshire Council',
    'localAuthorityContact.phone': '01296 395000',
    'localAuthorityContact.email': 'mash@buckinghamshire.example',
    'exploitation.types': 'criminal',
    'exploitation.location': 'uk',
    'potentialVictim.dateOfBirth-day': '1',
    'potentialVictim.dateOfBirth-month': '7',
    'potentialVictim.dateOfBirth-year': '2000',
    'potentialVictim.gender': 'male',
    'potentialVictim.nationality': 'VNM',
    'firstResponder.organisation': 'Thames Valley Police',
    'firstResponder.organisationType': 'police',
    'firstResponder.name': 'Sam Officer',
    'firstResponder.role': 'Detective Constable',
    'firstResponder.email': 'sam.officer@police.example',
  };
  const draft: ReferralDraft = { under18: 'yes' };

  interface Example {
    field: string;
    example: string;
  }

  /** The hints of text boxes and dates (not of checkbox items, which describe a choice) and their examples. */
  function examplesOnPage(
    html = renderer.renderToString(req, res, 'intake/referral-details.njk', detailsView(draft, detailsShape(draft), {}, undefined, lead)),
  ): Example[] {
    const found: Example[] = [];
    for (const [, id, hint] of html.matchAll(/<div id="([^"]+)-hint" class="govuk-hint">([\s\S]*?)<\/div>/g)) {
      const text = hint.replace(/\s+/g, ' ').trim();
      const input =
        new RegExp(`<(?:input|textarea)[^>]*id="${id}(?:-day)?"[^>]*name="([^"]+)"`).exec(html) ??
        new RegExp(`<(?:input|textarea)[^>]*name="([^"]+)"[^>]*id="${id}(?:-day)?"`).exec(html);
      if (!input) continue;
      for (const [, list] of text.matchAll(/for example,? (.+?)(?:\.(?: |$)|$)/gi)) {
        for (const example of list.split(/,? or /)) found.push({ field: input[1].replace(/-day$/, ''), example: example.trim() });
      }
    }
    return found;
  }

  function withExample({ field, example }: Example): FormBody {
    // Countries are asked for exploitation overseas: the example is tried where the form asks for it.
    if (field === 'exploitation.countries') return { ...valid, 'exploitation.location': 'uk_and_overseas', [field]: example };
    if (!field.endsWith('Date') && !field.endsWith('dateOfBirth')) return { ...valid, [field]: example };
    const parts = example.split(/\s+/);
    const [day, month, year] = parts.length === 3 ? parts : parts.length === 2 ? ['', ...parts] : ['', '', ...parts];
    return { ...valid, [`${field}-day`]: day, [`${field}-month`]: month, [`${field}-year`]: year };
  }

  async function violationsOf(form: FormBody): Promise<FieldViolation[]> {
    try {
      await pipe.transform(referralBody(draft, detailsShape(draft), form, lead));
      return [];
    } catch (error) {
      if (error instanceof InvalidRequestError) return error.errors;
      throw error;
    }
  }

  it('starts from a valid referral', async () => {
    expect(await violationsOf(valid)).toEqual([]);
  });

  it('finds the examples the hints show', () => {
    const examples = examplesOnPage();
    expect(examples).toEqual(
      expect.arrayContaining([
        { field: 'potentialVictim.nhsNumber', example: '943 476 5919' },
        { field: 'exploitation.startDate', example: '3 2025' },
        { field: 'localAuthorityContact.phone', example: '+44 1296 395000' },
        { field: 'potentialVictim.contact.phone', example: '+355 69 123 4567' },
      ]),
    );
  });

  it('refuses none of the examples of the referrals list filters', async () => {
    const html = renderer.renderToString(
      { ...req, path: '/referrals' } as unknown as Request,
      res,
      'intake/referrals.njk',
      listView({ items: [], page: 1, pageSize: 25, total: 0 }, new ListReferralsQuery(), lead),
    );
    const examples = examplesOnPage(html);
    expect(examples.map((e) => e.field).sort()).toEqual(['from', 'organisation', 'to']);
    for (const { field, example } of examples) {
      const { query, errors } = readListFilters({ [field]: example });
      expect({ field, example, errors }).toEqual({ field, example, errors: [] });
      await expect(validateQuery(ListReferralsQuery, query)).resolves.toBeDefined();
    }
  });

  it('refuses none of them', async () => {
    const refused: string[] = [];
    for (const example of examplesOnPage()) {
      const violations = await violationsOf(withExample(example));
      refused.push(...violations.map((v) => `${example.field} "${example.example}": ${v.path} ${v.message}`));
    }
    expect(refused).toEqual([]);
  });
});
