import type { NotSubmittedPage } from '../home-office/home-office-submission.service';
import { HOME_OFFICE_SERVICE_URL } from './referral-pages.presenter';

const KIND_NAMES: Readonly<Record<string, string>> = { nrm: 'NRM referral', dtn: 'Duty to Notify' };

export function notSubmittedView(page: NotSubmittedPage): Record<string, unknown> {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number) => `/worklists/not-submitted?page=${n}`;
  return {
    title: 'Not yet submitted to the Home Office',
    homeOfficeUrl: HOME_OFFICE_SERVICE_URL,
    afterWorkingDays: page.afterWorkingDays,
    total: page.total,
    rows: page.items.map((item) => ({ ...item, kindName: KIND_NAMES[item.kind] ?? item.kind })),
    pagination:
      pages > 1
        ? {
            previous: page.page > 1 ? { href: link(page.page - 1) } : undefined,
            next: page.page < pages ? { href: link(page.page + 1) } : undefined,
            items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === page.page })),
          }
        : undefined,
  };
}
