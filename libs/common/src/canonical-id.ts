import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One spelling per id: a UUID in lower case, as PostgreSQL prints it. PostgreSQL finds a record by any spelling of
 * its id, so without this a read by `ABC…` is served and audited under that spelling, and a search of the audit for
 * the record's id misses it.
 */
export function canonicalId(id: string): string {
  return UUID.test(id) ? id.toLowerCase() : id;
}

/** Route parameters that are UUIDs, canonical before any lookup or audit. */
@Injectable()
export class CanonicalIdPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    if (typeof value === 'string') return canonicalId(value);
    if (Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'string' ? canonicalId(v) : v));
    return value;
  }
}
