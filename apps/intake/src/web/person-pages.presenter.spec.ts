import { foundPersonView, personReferences, personSearch } from './person-pages.presenter';

describe('person references', () => {
  const records = [{ system: 'AIS', recordId: 'SC-000001' }];

  it('lists referral references oldest first, then the case records', () => {
    const referrals = [{ reference: 'RH-2026-000010' }, { reference: 'RH-2026-000002' }, { reference: 'RH-2025-000123' }];
    expect(personReferences({ records, referrals } as unknown as Parameters<typeof personReferences>[0])).toEqual([
      'RH-2025-000123',
      'RH-2026-000002',
      'RH-2026-000010',
      'AIS record SC-000001',
    ]);
  });

  it('does the same for a person found to merge', () => {
    const view = foundPersonView({ id: 'p', records: records as never, references: ['RH-2026-000002', 'RH-2026-000001'] });
    expect(view.references).toEqual(['RH-2026-000001', 'RH-2026-000002', 'AIS record SC-000001']);
  });
});

describe(personSearch.name, () => {
  it('reads a case record number as AIS and LCS write it, in any case and without its zeros', () => {
    expect(personSearch('SC-000060')).toEqual({ nameParts: [], reference: 'SC-000060' });
    expect(personSearch('sc-60')).toEqual({ nameParts: [], reference: 'SC-000060' });
    expect(personSearch('LCS-000042 Hoxha')).toEqual({ nameParts: ['Hoxha'], reference: 'LCS-000042' });
    expect(personSearch('400012')).toEqual({ nameParts: [], reference: '400012' });
    expect(personSearch('RH-2026-000123')).toEqual({ nameParts: [], reference: 'RH-2026-000123' });
  });
});
