import { homeOfficeAnswerRows } from './home-office-answers.presenter';

describe('homeOfficeAnswerRows', () => {
  const answerOf = (answers: Record<string, string>, field: string): string | undefined => homeOfficeAnswerRows(answers).find((r) => r.field === field)?.answer;

  it("shows a choice in the form's words, not its value", () => {
    const answers = {
      'where-exploitation-happened': 'uk-and-overseas',
      'pv-under-age': 'no',
      'when-last-contact': 'within-the-last-3-month',
      'pv-contact-details': 'email,post',
    };
    expect(answerOf(answers, 'where-exploitation-happened')).toBe('UK and Overseas');
    expect(answerOf(answers, 'pv-under-age')).toBe('No');
    expect(answerOf(answers, 'when-last-contact')).toBe('Within the last 3 months');
    expect(answerOf(answers, 'pv-contact-details')).toBe('Email and Post');
  });

  it('shows a ticked box as ticked and a date as the form would show it', () => {
    const answers = { 'types-of-exploitation-forced-to-work': 'true', 'pv-dob': '2025-02-03', 'when-did-the-exploitation-take-place': '2024-03' };
    expect(answerOf(answers, 'types-of-exploitation-forced-to-work')).toBe('Ticked');
    expect(answerOf(answers, 'pv-dob')).toBe('3 February 2025');
    expect(answerOf(answers, 'when-did-the-exploitation-take-place')).toBe('March 2024');
  });

  it('leaves free text as written', () => {
    expect(answerOf({ 'what-happened': 'no' }, 'what-happened')).toBe('no');
    expect(answerOf({ reference: 'FR-2026-001' }, 'reference')).toBe('FR-2026-001');
  });
});
