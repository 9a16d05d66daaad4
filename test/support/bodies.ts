/**
 * The shapes of the API bodies the integration tests read, as far as they read them. supertest types every body
 * `any`; a test that hands a body's value on to typed code names its shape with these first.
 */

/** A referral as POST /v1/referrals answers it. */
export interface CreatedReferralBody {
  id: string;
  reference: string;
}

/** A table of exact counts from GET /v1/statistics. */
export interface CountTableBody {
  title: string;
  total: number;
  cells: Array<{ label: string; count: number }>;
}

/** Referrals, or individuals, with their breakdowns by name. */
export interface PopulationBody {
  total: number;
  breakdowns: Record<string, CountTableBody>;
}

/** GET /v1/statistics with exact figures. */
export interface StatisticsBody {
  kind?: string;
  referrals: PopulationBody;
  individuals: PopulationBody;
  transitions: {
    nrmAtEighteen: { total: number };
    acceptedByAdultServices: number;
    careLeaversRemaining: number;
    caseMoves: CountTableBody;
  };
}
