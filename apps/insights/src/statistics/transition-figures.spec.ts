import type { AdulthoodRepository } from '@app/database';
import { TransitionFiguresService } from './transition-figures';

describe('TransitionFiguresService', () => {
  const child = (referralId: string, dateOfBirth: string) => ({
    referralId,
    personId: null,
    kind: 'nrm' as const,
    referredOn: '2026-05-01',
    referralDateOfBirth: dateOfBirth,
    caseRecordDateOfBirth: null,
    assessments: [],
    steps: [],
    decisions: [],
    adultSupportReferred: false,
  });
  // The rows as the repository reads them; the counting rules under test are the service's and the domain's.
  const rows = { transitionCohort: () => Promise.resolve([child('a', '2008-06-01'), child('b', '2009-01-15')]), movesByReason: () => Promise.resolve([]) };
  const service = new TransitionFiguresService(rows as unknown as AdulthoodRepository);

  it('counts an 18th birthday only once it has happened', async () => {
    const year = { from: '2026-04-01', to: '2027-03-31' };
    expect((await service.exact(year, '2026-12-05')).nrmAtEighteen.total).toBe(1);
    expect((await service.exact(year, '2027-03-31')).nrmAtEighteen.total).toBe(2);
    expect((await service.exact({ from: '2027-04-01', to: '2028-03-31' }, '2026-12-05')).nrmAtEighteen.total).toBe(0);
  });
});
