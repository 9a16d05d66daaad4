import { COMPARISONS } from '@app/matching';
import { comparisonSentence, historyReason, namesReordered, ruleSentence, sourceText } from './plain-words';
import { personSearch, personTitle } from './person-pages.presenter';
import type { RecordView } from '../persons/person.presenter';
import { reviewView } from './review-pages.presenter';
import type { ReviewView } from '../persons/person.presenter';

describe(comparisonSentence.name, () => {
  it('says each comparison as a sentence about the two records', () => {
    expect(comparisonSentence('family_name', 'exact')).toBe('Last names are the same');
    expect(comparisonSentence('date_of_birth', 'within_month', { a: '1999-04-04', b: '1999-04-05' })).toBe('Dates of birth are 1 day apart');
    expect(comparisonSentence('age_at_referral', 'consistent')).not.toContain('age_at_referral');
    expect(comparisonSentence('nhs_number', 'missing')).toBe('NHS number: missing from one record or both, so it does not count either way');
  });

  it('has a sentence of its own for every level of every comparison the engine makes', () => {
    const generic = COMPARISONS.flatMap((c) => c.levels.filter((l) => comparisonSentence(c.name, l.id).endsWith(': compared')).map((l) => `${c.name}.${l.id}`));
    expect(generic).toEqual([]);
  });
});

describe('the age when referred, left out', () => {
  it('says it was not needed when both records give a date of birth, and missing only when one does not', () => {
    expect(comparisonSentence('age_at_referral', 'missing', { a: '1990-03-12', b: '1990-03-12' })).toBe(
      'Age when referred: not needed, as both records give a date of birth, so it does not count either way',
    );
    expect(comparisonSentence('age_at_referral', 'missing', { a: '1990-03-12', b: null })).toContain('missing from one record or both');
  });
});

describe(namesReordered.name, () => {
  it('sees a record holding its names the other way round, whatever the case and accents', () => {
    expect(namesReordered({ firstName: 'Van Bao', lastName: 'Nguyen' }, { firstName: 'NGUYỄN', lastName: 'Van Bao' })).toBe(true);
    expect(namesReordered({ firstName: 'Van Bao', lastName: 'Nguyen' }, { firstName: 'van bao', lastName: 'Nguyen' })).toBe(false);
    expect(namesReordered({ firstName: 'Ardit', lastName: 'Hoxha' }, { firstName: 'Besnik', lastName: 'Hoxha' })).toBe(false);
    expect(namesReordered({ firstName: 'Ardit', lastName: null }, { firstName: null, lastName: null })).toBe(false);
  });

  it('says so beside a name the engine found the same, not beside a swap it names itself', () => {
    expect(comparisonSentence('given_name', 'exact', { namesReordered: true })).toMatch(
      /^First names are the same, reading one record's names the other way round/,
    );
    expect(comparisonSentence('given_name', 'swapped', { namesReordered: true })).toBe(comparisonSentence('given_name', 'swapped'));
    expect(comparisonSentence('date_of_birth', 'exact', { namesReordered: true })).toBe('Dates of birth are the same');
  });
});

describe(ruleSentence.name, () => {
  it('gives the reason a person must decide, without the rule id', () => {
    const text = ruleSentence('sibling_guard: given names differ and no identifier agrees');
    expect(text).not.toContain('sibling_guard');
    expect(text).toContain('Twins and siblings');
  });

  it('says a pair kept apart as two people is asked of nobody', () => {
    const text = ruleSentence("kept_apart: neither given name is among the other record's names");
    expect(text).not.toContain('kept_apart');
    expect(text).toContain('nobody is asked');
  });
});

describe(historyReason.name, () => {
  it('words the engine outcome, shows a reviewer reason, and hides ids', () => {
    expect(historyReason('deduplicator', 'NO_MATCH')).toBe("no other person's records are close");
    expect(historyReason('deduplicator', 'some_new_code')).toBeUndefined();
    expect(historyReason('reviewer:lead', 'same phone')).toBe('Reason given: same phone');
    expect(historyReason('reviewer:lead', 'not person 5cf4a80d-0000-4000-8000-000000000000')).toBeUndefined();
    expect(sourceText('referral_hub')).toBe('Sent from a referral in Referral Hub');
  });

  it('says which way a move went by the system of the record it moved into', () => {
    // An age assessment that finds a child moves an adult's case into LCS.
    expect(historyReason('deduplicator', 'transfer', 'LCS')).toBe("through the move from adults' to children's services");
    expect(historyReason('deduplicator', 'transfer', 'AIS')).toBe("through the move from children's to adults' services");
  });
});

describe(personSearch.name, () => {
  it('reads names, a date of birth as typed, a reference and a record number', () => {
    expect(personSearch('Arta Hoxha 12/3/1994')).toEqual({ nameParts: ['Arta', 'Hoxha'], dateOfBirth: '1994-03-12' });
    expect(personSearch('rh-2026-000123')).toEqual({ nameParts: [], reference: 'RH-2026-000123' });
    expect(personSearch('400002')).toEqual({ nameParts: [], reference: '400002' });
    expect(personSearch('12 March 1994')).toEqual({ nameParts: [], dateOfBirth: '1994-03-12' });
    expect(personSearch('  ')).toBeUndefined();
  });
});

function record(overrides: Partial<RecordView>): RecordView {
  return {
    system: 'AIS',
    recordId: '1',
    version: 1,
    personId: 'p',
    locked: false,
    firstName: null,
    middleNames: null,
    lastName: null,
    aliases: [],
    dateOfBirth: null,
    dateOfBirthEstimated: false,
    sex: null,
    nationality: null,
    nhsNumber: null,
    referralDate: null,
    source: null,
    status: null,
    linkedRecordIds: [],
    ...overrides,
  };
}

describe(personTitle.name, () => {
  it('titles a person by name and date of birth, never by id', () => {
    expect(personTitle([record({ firstName: 'Blessing', lastName: 'OKORO', dateOfBirth: '2009-06-06' })])).toBe('Blessing Okoro, born 6 June 2009');
    expect(personTitle([record({})])).toBe('A person with no name or date of birth recorded');
  });
});

describe(reviewView.name, () => {
  it('highlights a field only when the comparison counts it against a match', () => {
    const review: ReviewView = {
      id: 'r',
      status: 'open',
      reason: 'possible_match',
      probability: 0.7,
      record: record({ lastName: 'Osman', firstName: 'Adam' }),
      candidate: { personId: 'q', record: record({ lastName: 'OSMAN', firstName: 'Bilal' }) },
      explanation: {
        fields: [
          { comparison: 'family_name', level: 'exact', description: '', weight: 8 },
          { comparison: 'given_name', level: 'different', description: '', weight: -5 },
        ],
      },
      decision: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const rows = reviewView({ items: [review], page: 1, total: 1 }, 'open').rows as Array<{ label: string; differs: boolean; comparison?: string }>;
    expect(rows.find((r) => r.label === 'Last name')).toMatchObject({ differs: false, comparison: 'Last names are the same' });
    expect(rows.find((r) => r.label === 'First name')).toMatchObject({ differs: true, comparison: 'First names are different' });
  });

  it('says the age when referred was not needed for two records that both give a date of birth and a referral date', () => {
    const review: ReviewView = {
      id: 'r',
      status: 'open',
      reason: 'possible_match',
      probability: 0.7,
      record: record({ dateOfBirth: '1990-03-12', referralDate: '2026-05-04' }),
      candidate: { personId: 'q', record: record({ dateOfBirth: '1990-03-12', referralDate: '2026-04-01' }) },
      explanation: { fields: [{ comparison: 'age_at_referral', level: 'missing', description: '', weight: 0 }] },
      decision: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const fields = reviewView({ items: [review], page: 1, total: 1 }, 'open').fields as Array<{ sentence: string }>;
    expect(fields[0]?.sentence).toBe('Age when referred: not needed, as both records give a date of birth, so it does not count either way');
  });
});
