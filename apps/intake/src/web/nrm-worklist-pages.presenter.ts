import type { Page } from '../worklists/nrm-worklist.service';
import { nrmStatusText } from './nrm-case.presenter';
import { paginationOf } from './pagination';

export const NRM_WORKLISTS = [
  { name: 'reasonable-grounds-overdue', text: 'Reasonable grounds overdue' },
  { name: 'awaiting-conclusive-grounds', text: 'Awaiting conclusive grounds' },
  { name: 'reconsideration-deadlines', text: 'Reconsiderations due' },
  { name: 'positive-reasonable-grounds-without-support', text: 'Positive, no support recorded' },
  { name: 'childrens-services-prompts', text: "Children's services prompts" },
] as const;
export type NrmWorklistName = (typeof NRM_WORKLISTS)[number]['name'];

interface Column {
  header: string;
  /** The cell's text from the item; dates are shown in words by the template (`date: true`). */
  value: (item: Record<string, unknown>) => unknown;
  date?: boolean;
}

const COLUMNS: Readonly<Record<NrmWorklistName, readonly Column[]>> = {
  'reasonable-grounds-overdue': [
    { header: 'Organisation', value: (i) => i.organisation },
    { header: 'Counted from', value: (i) => i.countedFrom, date: true },
    { header: 'From', value: (i) => (i.submittedOn ? 'Home Office submission' : 'Referral') },
    { header: 'Decision due by', value: (i) => i.dueOn, date: true },
  ],
  'awaiting-conclusive-grounds': [
    { header: 'Organisation', value: (i) => i.organisation },
    { header: 'Positive reasonable grounds', value: (i) => i.positiveReasonableGroundsOn, date: true },
    { header: 'Months waiting', value: (i) => i.monthsWaiting },
  ],
  'reconsideration-deadlines': [
    { header: 'Decision reconsidered', value: (i) => (i.stage === 'conclusive_grounds' ? 'Conclusive grounds' : 'Reasonable grounds') },
    { header: 'Requested', value: (i) => i.requestedOn, date: true },
    { header: 'Due by', value: (i) => i.dueOn, date: true },
    { header: 'Overdue', value: (i) => (i.overdue ? 'Yes' : 'No') },
  ],
  'positive-reasonable-grounds-without-support': [
    { header: 'Organisation', value: (i) => i.organisation },
    { header: 'Positive reasonable grounds', value: (i) => i.positiveReasonableGroundsOn, date: true },
    { header: 'Status', value: (i) => nrmStatusText(i.nrmStatus) },
  ],
  'childrens-services-prompts': [{ header: 'Raised', value: (i) => String(i.raisedAt).slice(0, 10), date: true }],
};

const INTROS: Readonly<Record<NrmWorklistName, string>> = {
  'reasonable-grounds-overdue':
    'NRM referrals with no reasonable grounds decision after the Home Office’s aim of 5 working days (weekends and England and Wales bank holidays not counted), from the recorded submission, else the referral. Longest waiting first.',
  'awaiting-conclusive-grounds': 'Cases with a positive reasonable grounds decision still waiting for the conclusive grounds decision, longest first.',
  'reconsideration-deadlines': 'Reconsiderations whose new decision is due within the next 14 days, or is overdue, soonest first.',
  'positive-reasonable-grounds-without-support': 'Cases with a positive reasonable grounds decision and no referral to a support service recorded.',
  'childrens-services-prompts':
    "Adults' referrals that said the person has children: contact children's services, then close the prompt on the referral's page with a note.",
};

export function nrmWorklistView(
  name: NrmWorklistName,
  page: Page<object> & { byMonthsWaiting?: Array<{ label: string; count: number }> },
): Record<string, unknown> {
  const columns = COLUMNS[name];
  const link = (n: number) => `/worklists/${name}?page=${n}`;
  const worklist = NRM_WORKLISTS.find((w) => w.name === name);
  if (!worklist) throw new Error(`there is no worklist named ${name}`);
  return {
    title: worklist.text,
    intro: INTROS[name],
    on: page.on,
    tabs: NRM_WORKLISTS.map((w) => ({ text: w.text, href: `/worklists/${w.name}`, current: w.name === name })),
    headers: ['Reference', ...columns.map((c) => c.header)],
    rows: page.items.map((item) => {
      const record = item as Record<string, unknown>;
      return { referralId: record.referralId, reference: record.reference, cells: columns.map((c) => ({ value: c.value(record), date: c.date ?? false })) };
    }),
    total: page.total,
    byMonthsWaiting: page.byMonthsWaiting,
    pagination: paginationOf(page, link),
  };
}
