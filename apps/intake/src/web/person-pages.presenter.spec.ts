import { foundPersonView, movesSummary, personReferences, personSearch, personView, type PersonTimeline } from './person-pages.presenter';

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

describe(movesSummary.name, () => {
  const move = (from: string, to: string, status = 'completed') => ({ from: { system: from }, to: { system: to }, status });

  it("says a move from adults' to children's services as it went, not as a move to adults' services", () => {
    expect(movesSummary([move('AIS', 'LCS')])).toBe("moved from adults' to children's services 1 time");
  });

  it('counts each direction apart, and a move not yet done as under way', () => {
    expect(movesSummary([move('LCS', 'AIS'), move('AIS', 'LCS'), move('LCS', 'AIS')])).toBe(
      "moved from children's to adults' services 2 times and from adults' to children's services 1 time",
    );
    expect(movesSummary([move('AIS', 'LCS', 'pending')])).toBe("a move from adults' to children's services under way");
    expect(movesSummary([])).toBeUndefined();
  });
});

describe(personView.name, () => {
  it('words a case moved from AIS to LCS by an age assessment the way it went, in the summary and the link history', () => {
    const person: PersonTimeline = {
      id: 'p1',
      mergedInto: null,
      records: [],
      referrals: [
        {
          id: 'r1',
          reference: 'RH-2026-000001',
          kind: 'nrm',
          referredAt: '2026-11-02T10:00:00.000Z',
          route: { system: 'AIS', reason: 'adult' },
          caseRecord: { system: 'LCS', recordId: '400019' },
          transitions: [
            {
              reason: 'age_assessment_child',
              from: { system: 'AIS', recordId: 'SC-000004' },
              to: { system: 'LCS', recordId: '400019' },
              effectiveOn: '2026-12-01',
              status: 'completed',
            },
          ],
        },
      ],
      history: [
        {
          id: 'h1',
          record: { system: 'LCS', recordId: '400019' },
          action: 'linked',
          personBefore: null,
          personAfter: 'p1',
          actor: 'deduplicator',
          reason: 'transfer',
          probability: 1,
          at: '2026-12-01T10:00:00.000Z',
        },
      ],
    };
    const view = personView(person);
    expect(view.moves).toBe("moved from adults' to children's services 1 time");
    const events = view.events as Array<{ text: string }>;
    expect(events.map((e) => e.text)).toContain(
      "LCS record 400019: through the move from adults' to children's services. Chance of the same person: more than 99.9%.",
    );
  });
});
