/**
 * Every free-text answer of a referral (up to 15,000 characters each, as the Home Office form allows), by its path in
 * the referral. Free text is where other people get named — family, exploiters, witnesses, other victims — so a
 * subject access export holds these back until a person has read and redacted them. The intake DTO's free-text
 * fields are checked against this list by a test, so a new answer cannot be added to one and not the other.
 */
export const FREE_TEXT_ANSWERS = [
  'narrative',
  'cooperationDetails',
  'declinedNrmReason',
  'potentialVictim.communicationAid',
  'potentialVictim.contact.noPhoneReason',
  'potentialVictim.background.birthplace',
  'potentialVictim.background.family',
  'potentialVictim.background.education',
  'potentialVictim.background.employmentHistory',
  'exploitation.otherDetails',
  'exploitation.whenDetails',
  'exploitation.howItStarted',
  'exploitation.journeyDetails',
  'exploitation.requiredToDo',
  'exploitation.livingConditions',
  'exploitation.treatment',
  'exploitation.keepingThemThere',
  'exploitation.howTheyLeft',
  'exploitation.lastContactDetails',
  'exploitation.otherUkLocation',
  'exploitation.otherOverseasLocation',
  'exploitation.otherVictimsDetails',
  'exploitation.futureRiskReasons',
  'exploitation.exploiters.details',
  'exploitation.exploiters.locationDetails',
  'firstResponderAssessment.reportedBeforeDetails',
  'firstResponderAssessment.whyNotReportedSooner',
  'firstResponderAssessment.modernSlaveryIndicatorsDetails',
  'firstResponderAssessment.interviews',
  'firstResponderAssessment.professionalInsight',
  'firstResponderAssessment.credibilityConcernsDetails',
  'firstResponderAssessment.othersInvolvedDetails',
  'firstResponderAssessment.evidence',
] as const;
