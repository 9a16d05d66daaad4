import type { NotSubmittedPage } from '../home-office/home-office-submission.service';
import { HOME_OFFICE_SERVICE_URL } from './referral-pages.presenter';
import { paginationOf } from './pagination';

const KIND_NAMES: Readonly<Record<string, string>> = { nrm: 'NRM referral', dtn: 'Duty to Notify' };

export function notSubmittedView(page: NotSubmittedPage): Record<string, unknown> {
  const link = (n: number) => `/worklists/not-submitted?page=${n}`;
  return {
    title: 'Not yet submitted to the Home Office',
    homeOfficeUrl: HOME_OFFICE_SERVICE_URL,
    afterWorkingDays: page.afterWorkingDays,
    total: page.total,
    rows: page.items.map((item) => ({ ...item, kindName: KIND_NAMES[item.kind] ?? item.kind })),
    pagination: paginationOf(page, link),
  };
}
