import { type FieldViolation, ukDateOn } from '@app/domain';
import { type FieldDescription, type FormBody, type FormErrors, longDate, textField } from '@app/web';
import type { DirectEntryView, EpisodeChoicesView, EpisodeView } from '../episodes/episode.presenter';
import { KIND_NAMES } from './referral-pages.presenter';

/** The API's 422 for a join it cannot make: the episode named is gone, or is the entry's own. */
const NOT_JOINABLE = /was not found, or is this entry itself/;
const NOT_JOINABLE_TEXT = 'Choose another referral: that one is this record, or is counted with it, or is no longer held';

export const SPLIT_FIELDS: Readonly<Record<string, FieldDescription>> = {
  reason: { target: 'reason', label: 'Why it is a referral of its own', missing: 'Enter why it is a referral of its own' },
};

export const JOIN_FIELDS: Readonly<Record<string, FieldDescription>> = {
  episode: {
    target: 'episode',
    label: 'Which referral',
    missing: 'Select the referral it is the same as',
    refusals: [
      { when: NOT_JOINABLE, text: NOT_JOINABLE_TEXT },
      { when: /give either referralId/, text: 'Select the referral it is the same as' },
    ],
  },
  otherReference: {
    target: 'otherReference',
    label: 'Referral reference',
    missing: 'Enter the reference of the Referral Hub referral',
    refusals: [
      { when: /no referral has this reference/, text: 'No Referral Hub referral has that reference: check it on the referral’s page' },
      { when: NOT_JOINABLE, text: NOT_JOINABLE_TEXT },
    ],
  },
  otherSystem: { target: 'otherSystem', label: 'Case system', missing: 'Select AIS or LCS' },
  otherRecordId: {
    target: 'otherRecordId',
    label: 'Record number',
    missing: 'Enter the record number in AIS or LCS',
    refusals: [
      { when: /must be a case-system record id/, text: 'Record number must be letters, digits and hyphens only, like SC-000123' },
      { when: NOT_JOINABLE, text: 'No record held with that number can be joined: check the number and the case system' },
    ],
  },
  reason: { target: 'reason', label: 'Why they are the same referral', missing: 'Enter why they are the same referral' },
};

const SYSTEM_TEXT: Readonly<Record<string, string>> = { AIS: "AIS (adults' services)", LCS: "LCS (children's services)" };
const RULE_TEXT: Readonly<Partial<Record<string, string>>> = {
  same_reference: 'The same Home Office reference',
  window: 'The same person, recorded within the window',
  lead: 'Joined by a safeguarding lead',
};

/** "AIS record SC-000002": a direct entry as the pages name it. */
export function recordName(entry: Pick<DirectEntryView, 'system' | 'recordId'>): string {
  return `${entry.system} record ${entry.recordId}`;
}

/** "Referral Hub referral RH-2026-000001" or "LCS record LCS-000004": an episode by what the lead reads elsewhere. */
export function episodeName(episode: EpisodeView): string {
  return episode.referralId ? `Referral Hub referral ${episode.reference ?? ''}`.trim() : `${episode.system ?? ''} record ${episode.recordId ?? ''}`;
}

/** The form's value for an episode: "referral:<id>" or "AIS:<record id>". */
function choiceValue(episode: EpisodeView): string {
  return episode.referralId ? `referral:${episode.referralId}` : `${episode.system ?? ''}:${episode.recordId ?? ''}`;
}

/** The entry as both pages show it: what it is, and what it is counted with now. */
function entryRows(choices: EpisodeChoicesView): Array<{ key: { text: string }; value: { text: string } }> {
  const { entry, countedWith } = choices;
  const rows = [
    { key: { text: 'Record' }, value: { text: `${entry.recordId} in ${SYSTEM_TEXT[entry.system] ?? entry.system}` } },
    { key: { text: 'Date recorded' }, value: { text: longDate(entry.referredOn) } },
    { key: { text: 'NRM or Duty to Notify' }, value: { text: entry.kind ? (KIND_NAMES[entry.kind] ?? entry.kind) : 'Not recorded' } },
    { key: { text: 'Home Office reference' }, value: { text: entry.nrmReference ?? 'None recorded' } },
    {
      key: { text: 'Counted now' },
      value: {
        text: countedWith
          ? `As the same referral as ${episodeName(countedWith)} (${longDate(countedWith.referredOn)})`
          : entry.joined
            ? 'As the same referral as another'
            : 'As a referral of its own',
      },
    },
  ];
  // The rules' reasons and a lead's are sentences of their own; the rule's name only where none was kept.
  if (entry.joined) rows.push({ key: { text: 'Why' }, value: { text: entry.joined.reason ?? RULE_TEXT[entry.joined.rule] ?? entry.joined.rule } });
  if (entry.leadDecision) {
    const decided = entry.leadDecision.decision === 'split' ? 'Split' : 'Joined';
    const on = entry.leadDecision.at ? ` on ${longDate(ukDateOn(new Date(entry.leadDecision.at)))}` : '';
    rows.push({ key: { text: 'Safeguarding lead’s decision' }, value: { text: `${decided}${on}: the rules will not change it` } });
    // A join's reason is its "Why" above; a split's is kept with the decision.
    if (entry.leadDecision.decision === 'split' && entry.leadDecision.reason) rows.push({ key: { text: 'Why' }, value: { text: entry.leadDecision.reason } });
  }
  return rows;
}

/**
 * Where the split and join pages go back to: the person's page when the lead came from it (`?back=person`, carried
 * through the form), else the data-quality page.
 */
export function returnPage(back: unknown, personId: string | null | undefined): string {
  return back === 'person' && personId ? `/persons/${personId}` : '/data-quality';
}

/** "Count AIS record SC-000002 as a referral of its own?" */
export function splitView(choices: EpisodeChoicesView, form: FormBody = {}, errors?: FormErrors, back?: unknown): Record<string, unknown> {
  const { entry } = choices;
  return {
    title: `Count ${recordName(entry)} as a referral of its own?`,
    pageTitle: 'Split a referral',
    backLink: returnPage(back, entry.personId),
    back: back === 'person' ? 'person' : undefined,
    action: `/episodes/${entry.system}/${encodeURIComponent(entry.recordId)}/split`,
    personId: entry.personId,
    rows: entryRows(choices),
    // The figures change only when the entry was counted with another referral.
    effect: entry.joined
      ? 'The figures will count one more referral: this record and the referral it was counted with are counted apart.'
      : 'It is counted as a referral of its own already. Splitting it keeps it so: the rules will not join it to another referral later.',
    reason: textField(form, 'reason'),
    errors,
  };
}

/** "Which referral is AIS record SC-000002 the same as?" */
export function joinView(choices: EpisodeChoicesView, form: FormBody = {}, errors?: FormErrors, back?: unknown): Record<string, unknown> {
  const { entry, countedWith } = choices;
  const chosen = textField(form, 'episode');
  const listed =
    countedWith && !choices.episodes.some((e) => choiceValue(e) === choiceValue(countedWith)) ? [countedWith, ...choices.episodes] : choices.episodes;
  return {
    title: `Which referral is ${recordName(entry)} the same as?`,
    pageTitle: 'Join a referral to another',
    backLink: returnPage(back, entry.personId),
    back: back === 'person' ? 'person' : undefined,
    action: `/episodes/${entry.system}/${encodeURIComponent(entry.recordId)}/join`,
    personId: entry.personId,
    rows: entryRows(choices),
    effect: entry.joined
      ? 'The number of referrals stays the same: the record is counted with the referral you choose instead.'
      : 'The figures will count one fewer referral: this record is counted as the same referral as the one you choose.',
    choicesHint: listed.length
      ? 'The referrals and records counted on their own for this person are listed first.'
      : entry.personId
        ? "This person has no other referral, nor a record counted on its own, to suggest: give the referral's reference or the record's number."
        : 'This record is not linked to a person yet, so no referral is suggested.',
    choices: listed.map((e) => ({
      value: choiceValue(e),
      text: `${episodeName(e)}, ${e.referralId ? 'referred' : 'recorded'} ${longDate(e.referredOn)}`,
      hint: countedWith && choiceValue(e) === choiceValue(countedWith) ? 'Counted with it now' : undefined,
      checked: chosen === choiceValue(e),
    })),
    otherReferral: chosen === 'other-referral',
    otherRecord: chosen === 'other-record',
    otherReference: textField(form, 'otherReference'),
    otherSystem: textField(form, 'otherSystem'),
    otherRecordId: textField(form, 'otherRecordId'),
    systems: [
      { value: '', text: 'Choose the case system' },
      { value: 'AIS', text: SYSTEM_TEXT.AIS, selected: textField(form, 'otherSystem') === 'AIS' },
      { value: 'LCS', text: SYSTEM_TEXT.LCS, selected: textField(form, 'otherSystem') === 'LCS' },
    ],
    reason: textField(form, 'reason'),
    errors,
  };
}

/** What the join form chose, as the API's body takes it, and what the form left out. */
export interface JoinChoice {
  /** How the form asked for it: one of the episodes listed, or another by its reference or record number. */
  readonly asked: 'listed' | 'other-referral' | 'other-record';
  readonly target: { referralId?: string; system?: string; recordId?: string };
  /** A reference typed for another Referral Hub referral, to look up. */
  readonly reference?: string;
  /** Answers missing, named by the form's fields. */
  readonly missing: FieldViolation[];
}

export function joinChoice(form: FormBody): JoinChoice {
  const chosen = textField(form, 'episode');
  if (chosen === 'other-referral') {
    const reference = textField(form, 'otherReference');
    return { asked: 'other-referral', target: {}, reference, missing: reference ? [] : [empty('otherReference')] };
  }
  if (chosen === 'other-record') {
    const system = textField(form, 'otherSystem');
    const recordId = textField(form, 'otherRecordId');
    const missing = [...(system ? [] : [empty('otherSystem')]), ...(recordId ? [] : [empty('otherRecordId')])];
    return { asked: 'other-record', target: { system, recordId }, missing };
  }
  const listed = /^referral:(.+)$/.exec(chosen ?? '');
  if (listed) return { asked: 'listed', target: { referralId: listed[1] }, missing: [] };
  const record = /^(AIS|LCS):(.+)$/.exec(chosen ?? '');
  if (record) return { asked: 'listed', target: { system: record[1], recordId: record[2] }, missing: [] };
  return { asked: 'listed', target: {}, missing: [empty('episode')] };
}

/** The form field an API path (or the 422) is about, for the way the episode was asked for. */
export function joinFieldOf(asked: JoinChoice['asked'], path: string): string {
  if (path === 'reason') return 'reason';
  if (asked === 'other-referral') return 'otherReference';
  if (asked === 'other-record') return path === 'system' ? 'otherSystem' : 'otherRecordId';
  return 'episode';
}

function empty(path: string): FieldViolation {
  return { path, message: `${path} should not be empty` };
}

/** The banner after a split: what changed, and what it does to the figures. */
export function splitMessage(before: DirectEntryView): string {
  return before.joined
    ? `Split: ${recordName(before)} is now counted as a referral of its own. The figures count one more referral.`
    : `${recordName(before)} was counted as a referral of its own already, and stays so: the rules will not join it to another referral. The figures do not change.`;
}

/** The banner after a join: what changed, and what it does to the figures. */
export function joinMessage(before: DirectEntryView, after: DirectEntryView, joined: EpisodeView | null): string {
  const into = joined ? episodeName(joined) : 'the referral you chose';
  const same = JSON.stringify(headOf(before.joined)) === JSON.stringify(headOf(after.joined));
  const counts = !before.joined
    ? 'The figures count one fewer referral.'
    : same
      ? 'It was counted with it already, and now the rules will not move it. The figures do not change.'
      : 'It was counted with another referral before, so the number of referrals does not change.';
  return `Joined: ${recordName(before)} is now counted as the same referral as ${into}. ${counts}`;
}

function headOf(joined: DirectEntryView['joined']): unknown {
  return joined ? [joined.referralId, joined.system, joined.recordId] : null;
}
