import { Module } from '@nestjs/common';
import { FeedModule } from '../feed/feed.module';
import { ChildRegisterRepository } from '../register/child-register.repository';
import { ContactController } from './contact.controller';
import { ContactRepository } from './contact.repository';
import { ContactService } from './contact.service';

@Module({
  imports: [FeedModule],
  controllers: [ContactController],
  providers: [ContactRepository, ChildRegisterRepository, ContactService],
})
export class ContactsModule {}
