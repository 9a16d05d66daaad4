import { Roles } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ContactService } from './contact.service';
import { AmendContactDto } from './dto/amend-contact.dto';
import { ContactBatchQueryDto, ContactBatchResponse } from './dto/contact-batch.dto';
import { ContactResponse } from './dto/contact.response';
import { CreateContactDto } from './dto/create-contact.dto';
import { ReturnFromAdultsDto } from './dto/return-from-adults.dto';
import { TransferToAdultsDto } from './dto/transfer-to-adults.dto';

@ApiTags('contacts')
@Roles('service')
@Controller('lcs/api/contacts')
export class ContactController {
  constructor(private readonly contacts: ContactService) {}

  /** 201 with a new contact; 200 with the same contact when the externalReference was seen before. */
  @Post()
  @ApiOkResponse({ type: ContactResponse })
  async create(@Body() dto: CreateContactDto, @Res({ passthrough: true }) response: Response): Promise<ContactResponse> {
    const { contact, created } = await this.contacts.create(dto);
    response.status(created ? 201 : 200);
    return contact;
  }

  /** Several contacts in one request (at most 200), in the order asked; ids not found are left out. */
  @Get()
  @ApiOkResponse({ type: ContactBatchResponse })
  async getMany(@Query() query: ContactBatchQueryDto): Promise<ContactBatchResponse> {
    return { items: await this.contacts.getMany(query.ids.split(',')) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ContactResponse })
  get(@Param('id') id: string): Promise<ContactResponse> {
    return this.contacts.get(id);
  }

  /** A practitioner corrects the child's details or closes the contact. */
  @Patch(':id')
  @ApiOkResponse({ type: ContactResponse })
  amend(@Param('id') id: string, @Body() dto: AmendContactDto): Promise<ContactResponse> {
    return this.contacts.amend(id, dto);
  }

  /** Closes the child's contact as transferred to adults' services; repeating it with the same AIS record is harmless. */
  @Post(':id/transfer-to-adults')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactResponse })
  transferToAdults(@Param('id') id: string, @Body() dto: TransferToAdultsDto): Promise<ContactResponse> {
    return this.contacts.transferToAdults(id, dto);
  }

  /** Reopens a contact whose case comes back from adults' services; repeating it is harmless. */
  @Post(':id/return-from-adults')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactResponse })
  returnFromAdults(@Param('id') id: string, @Body() dto: ReturnFromAdultsDto): Promise<ContactResponse> {
    return this.contacts.returnFromAdults(id, dto);
  }
}
