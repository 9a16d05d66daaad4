import { longDate } from '@app/web';
import { HOME_OFFICE_QUESTIONS, HomeOfficeQuestion } from '../referrals/home-office-questions';

export interface HomeOfficeAnswerRow {
  /** The form page's heading, on the first answer of each page. */
  readonly page?: string;
  readonly question: string;
  readonly field: string;
  readonly answer: string;
}

/** The answers with the form's own wording beside each, in the form's order, each page's heading once. */
export function homeOfficeAnswerRows(answers: Readonly<Record<string, string>>): HomeOfficeAnswerRow[] {
  let lastPage: string | undefined;
  return Object.entries(answers).map(([field, answer]) => {
    const wording = HOME_OFFICE_QUESTIONS[field];
    const page = wording?.page && wording.page !== lastPage ? wording.page : undefined;
    if (wording?.page) lastPage = wording.page;
    return { ...(page ? { page } : {}), question: wording?.question ?? field, field, answer: answerWords(wording, answer) };
  });
}

/**
 * An answer as the form shows it, so that it can be copied across: a choice by its words ("UK and Overseas", not
 * uk-and-overseas; several joined with "and"), a ticked box as "Ticked", a date as "3 February 2025" (GOV.UK style:
 * dates). Free text is left as written.
 */
export function answerWords(wording: HomeOfficeQuestion | undefined, answer: string): string {
  const options = wording?.options;
  if (options) {
    const words = answer.split(',').map((value) => options[value] ?? value);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}` : (words[0] ?? answer);
  }
  if (wording?.checkbox) return 'Ticked';
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(answer)) return longDate(answer);
  return answer;
}

/**
 * Answers the Home Office form will not go on without that Referral Hub does not require (its contract keeps them
 * optional; docs/home-office-form.md, "Where we differ on purpose"): shown so the first responder has them ready.
 */
export function stillNeededByHomeOfficeForm(answers: Readonly<Record<string, string>>): string[] {
  const needed: string[] = [];
  if (!answers['fr-details-phone']) needed.push('Your phone number: the form requires it.');
  if (answers['pv-want-to-submit-nrm'] === 'yes' && (!answers['pv-name-first-name'] || !answers['pv-name-last-name'])) {
    needed.push("The potential victim's first and last names: the form requires them on an NRM referral.");
  }
  if (answers['reported-to-police'] === 'no') {
    needed.push('A crime or CAD reference: the police were told, but the form asks for the force only with a reference.');
  }
  return needed;
}
