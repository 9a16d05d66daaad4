/** A referral's human reference: "RH-" + year of receipt + a six-digit sequence, e.g. RH-2026-000123. */
export function formatReferralReference(receivedAt: Date, sequence: number): string {
  return `RH-${receivedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}
