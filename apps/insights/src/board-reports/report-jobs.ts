/**
 * Jobs of the `reports` queue (QueueName.Reports). Payloads carry no personal data, only what the job is about.
 * A scheduled run generates the reports of the period that ended most recently before `asOf` (by default the day
 * the scheduler fired), for every audience.
 */
export const ReportsJobName = {
  QuarterlyBoardReports: 'quarterly-board-reports',
  AnnualBoardReports: 'annual-board-reports',
} as const;
export type ReportsJobName = (typeof ReportsJobName)[keyof typeof ReportsJobName];

export type ReportCadence = 'quarterly' | 'annual';

export interface BoardReportsJob {
  cadence: ReportCadence;
  /** UK date to run as, YYYY-MM-DD; defaults to the day the job was created. */
  asOf?: string;
}

/** Job scheduler ids: one schedule per cadence however many insights instances register it. */
export const SCHEDULER_IDS: Readonly<Record<ReportCadence, string>> = {
  quarterly: 'board-reports-quarterly',
  annual: 'board-reports-annual',
};

export const JOB_NAME_OF: Readonly<Record<ReportCadence, ReportsJobName>> = {
  quarterly: ReportsJobName.QuarterlyBoardReports,
  annual: ReportsJobName.AnnualBoardReports,
};
