/**
 * LCS's feed cursors are opaque to callers (base64url of the position), so nobody builds one by hand or reads
 * meaning into it. Undefined when a cursor was not made here.
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`feed:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  const m = /^feed:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m?.[1];
}
