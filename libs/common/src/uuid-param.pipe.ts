import { ArgumentMetadata, Injectable, ParseUUIDPipe } from '@nestjs/common';
import { MalformedIdError } from './errors';

/**
 * A path parameter that names a record by its UUID: `@Param('id', UuidParamPipe)`. Anything else is the API's one
 * shape of 400, `errors: [{ path: 'id', message: 'id must be a UUID' }]`, rather than Nest's bare "Validation failed
 * (uuid is expected)"; on a page the page filter answers it as an address no page has. Nest's pipe decides what a
 * UUID is; only the refusal is the project's.
 */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<string> {
    if (typeof value === 'string' && this.isUUID(value)) return Promise.resolve(value);
    return Promise.reject(new MalformedIdError(metadata.data ?? 'id'));
  }
}
