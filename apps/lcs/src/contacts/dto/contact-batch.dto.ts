import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ContactResponse } from './contact.response';

/** The most contacts one batch read answers. */
export const MAX_CONTACTS_PER_READ = 200;

export class ContactBatchQueryDto {
  @ApiProperty({ description: `Up to ${MAX_CONTACTS_PER_READ} contact ids separated by commas`, example: '1042,1043' })
  @Matches(new RegExp(`^[A-Za-z0-9-]{1,32}(,[A-Za-z0-9-]{1,32}){0,${MAX_CONTACTS_PER_READ - 1}}$`), {
    message: `ids must be 1 to ${MAX_CONTACTS_PER_READ} contact ids separated by commas`,
  })
  ids: string;
}

export class ContactBatchResponse {
  @ApiProperty({ type: [ContactResponse], description: 'The contacts found, in the order asked; ids not found are left out' })
  items: ContactResponse[];
}
