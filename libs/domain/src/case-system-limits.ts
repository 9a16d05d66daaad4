/**
 * The longest text each case system takes in a field Referral Hub sends it, and so the longest intake accepts.
 * A referral intake accepted but AIS or LCS refused would fail routing after every retry, and a redrive would fail
 * the same way: an accepted referral must always be deliverable. Intake's request DTOs and the two mimics read
 * these same numbers, so neither side can drift from the other; `scripts/case-system-limits.spec.ts` fills every
 * field at intake's limit and checks that both case systems take what the router sends.
 */
export const CASE_SYSTEM_LIMITS = {
  /** The potential victim's first name: AIS `Subject.Forename`, the forename part of LCS's `child.name`. */
  forename: 100,
  /** The potential victim's last name: AIS `Subject.Surname`, the surname part of LCS's `child.name`. */
  surname: 100,
  /** AIS `Subject.MiddleNames` (intake asks none; LCS holds them in `child.name`). */
  middleNames: 200,
  /** LCS's one-string `child.name`, "SURNAME, Forename Middle". */
  lcsName: 300,
  /** Each other name the person is known by: AIS `Subject.KnownAs`, LCS `child.aliases`. */
  alias: 200,
  /** How many other names: AIS `Subject.KnownAs`, LCS `child.aliases`. */
  aliases: 20,
  /** The first responder's organisation: AIS `ReportedBy.Organisation`, LCS `referrer.agency`. */
  organisation: 200,
  /** The first responder's name: AIS `ReportedBy.ContactName`, LCS `referrer.name`. */
  contactName: 200,
  /** The first responder's role: AIS `ReportedBy.Role`, LCS `referrer.role`. */
  role: 200,
  /** The first responder's phone number: AIS `ReportedBy.Phone`, LCS `referrer.phone`. */
  phone: 40,
  /** The narrative: AIS `Summary`, LCS `summary` (intake keeps the Home Office form's 15,000). */
  summary: 20000,
} as const;
