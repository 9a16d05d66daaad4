import type { FieldDescription, FormBody, FormErrors } from '@app/web';
import type { SupportView } from '../support/support.service';

export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  msvcc: 'Modern Slavery Victim Care Contract (adults)',
  local_service: 'The council’s local service (the Willow Project)',
  ictg: 'Independent Child Trafficking Guardian (children)',
};

const ANSWER: Readonly<Record<string, string>> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

export const CIRCUMSTANCES_FIELDS: Readonly<Record<string, FieldDescription>> = {
  wantsSupport: { target: 'wantsSupport', label: 'Wants support' },
  hasChildren: { target: 'hasChildren', label: 'Has children' },
  childrenCount: { target: 'childrenCount', label: 'How many children' },
  childrenWhere: { target: 'childrenWhere', label: 'Where the children are' },
  currentTown: { target: 'currentTown', label: 'Town or city now' },
  currentLocalAuthority: { target: 'currentLocalAuthority', label: 'Local authority now' },
  declinedNrmReason: { target: 'declinedNrmReason', label: 'Why they declined the NRM' },
};

export const SUPPORT_REFERRAL_FIELDS: Readonly<Record<string, FieldDescription>> = {
  service: { target: 'service', label: 'Service', missing: 'Select the service' },
  provider: { target: 'provider', label: 'Referred to', missing: 'Enter who the person was referred to' },
  referredOn: { target: 'referredOn-day', label: 'Date referred', missing: 'Enter the date of the referral to support' },
};

export const PROMPT_FIELDS: Readonly<Record<string, FieldDescription>> = {
  note: { target: 'note', label: 'What was done', missing: "Enter what was done: who in children's services was contacted, and when" },
};

/** The support section of the referral page (lead only): answers, support referrals, and the children's services prompt. */
export function supportView(support: SupportView, kind: 'nrm' | 'dtn', form: FormBody = {}, errors?: FormErrors): Record<string, unknown> {
  const c = support.circumstances;
  const text = (name: string): string | undefined => {
    const given = form[name];
    return typeof given === 'string' ? given : undefined;
  };
  const value = (name: keyof NonNullable<SupportView['circumstances']>): string | undefined => {
    const stored = c?.[name];
    return text(name) ?? (stored === null || stored === undefined ? undefined : String(stored));
  };
  const radios = (name: 'wantsSupport' | 'hasChildren') => Object.entries(ANSWER).map(([v, t]) => ({ value: v, text: t, checked: value(name) === v }));
  return {
    kind,
    rows: c
      ? [
          { key: { text: 'Wants support' }, value: { text: c.wantsSupport ? ANSWER[c.wantsSupport] : 'Not answered' } },
          {
            key: { text: 'Has children' },
            value: {
              text: c.hasChildren
                ? ANSWER[c.hasChildren] + (c.childrenCount ? `: ${c.childrenCount}` : '') + (c.childrenWhere ? `, ${c.childrenWhere}` : '')
                : 'Not answered',
            },
          },
          { key: { text: 'Where they are now' }, value: { text: [c.currentTown, c.currentLocalAuthority].filter(Boolean).join(', ') || 'Not known' } },
          ...(kind === 'dtn' ? [{ key: { text: 'Why they declined the NRM' }, value: { text: c.declinedNrmReason ?? 'Not recorded' } }] : []),
        ]
      : undefined,
    supportReferrals: support.supportReferrals.map((s) => ({ service: SERVICE_NAMES[s.service] ?? s.service, provider: s.provider, referredOn: s.referredOn })),
    openPrompt: support.childrenPrompts.find((p) => p.closedAt === null),
    closedPrompts: support.childrenPrompts.filter((p) => p.closedAt !== null),
    form: {
      wantsSupport: radios('wantsSupport'),
      hasChildren: radios('hasChildren'),
      childrenCount: value('childrenCount'),
      childrenWhere: value('childrenWhere'),
      currentTown: value('currentTown'),
      currentLocalAuthority: value('currentLocalAuthority'),
      declinedNrmReason: value('declinedNrmReason'),
      services: Object.entries(SERVICE_NAMES).map(([v, t]) => ({ value: v, text: t, checked: text('service') === v })),
      provider: text('provider'),
      referredOn: { day: text('referredOn-day'), month: text('referredOn-month'), year: text('referredOn-year') },
      note: text('note'),
      errors: errors?.fields ?? {},
    },
  };
}
