/** A person's name as Referral Hub holds it: separate parts, any of which may be unknown. */
export interface NameParts {
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/**
 * LCS keeps a child's name as one string, "SURNAME, Forename Middle", surname in capitals. An unknown surname
 * leaves the part before the comma empty (", Forename"); an unknown forename leaves the surname alone.
 * Undefined when no part is known.
 */
export function joinLcsName(parts: Partial<NameParts>): string | undefined {
  const surname = clean(parts.lastName)?.toUpperCase() ?? null;
  const forenames = [clean(parts.firstName), clean(parts.middleNames)].filter((p): p is string => p !== null).join(' ');
  if (!surname && !forenames) return undefined;
  if (!forenames) return surname ?? undefined;
  return `${surname ?? ''}, ${forenames}`;
}

/**
 * Splits an LCS name string. The first forename is the first name and the rest are middle names, which is
 * how LCS itself reads it: a double first name such as "Mary Ann" comes back as "Mary" + "Ann".
 */
export function splitLcsName(name: string | null | undefined): NameParts {
  const text = clean(name);
  if (!text) return { firstName: null, middleNames: null, lastName: null };
  const comma = text.indexOf(',');
  const surname = clean(comma < 0 ? text : text.slice(0, comma));
  const forenames =
    comma < 0
      ? []
      : text
          .slice(comma + 1)
          .trim()
          .split(' ')
          .filter(Boolean);
  return {
    firstName: forenames[0] ?? null,
    middleNames: forenames.length > 1 ? forenames.slice(1).join(' ') : null,
    lastName: surname,
  };
}
