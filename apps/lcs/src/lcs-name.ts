/** LCS's one-string name, "SURNAME, Forename Middle", as its parts; the surname held in capitals. */
export interface LcsNameParts {
  surname: string | null;
  forenames: string | null;
}

export const LCS_NAME = /^[^,]*(,[^,]*)?$/;

function clean(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

export function parseLcsName(name: string): LcsNameParts {
  const comma = name.indexOf(',');
  const surname = clean(comma < 0 ? name : name.slice(0, comma));
  const forenames = comma < 0 ? null : clean(name.slice(comma + 1));
  return { surname: surname?.toUpperCase() ?? null, forenames };
}

/** The name as LCS stores it: surname in capitals, one space after the comma. Null when empty. */
export function formatLcsName(parts: LcsNameParts): string | null {
  if (!parts.surname && !parts.forenames) return null;
  if (!parts.forenames) return parts.surname;
  return `${parts.surname ?? ''}, ${parts.forenames}`;
}
