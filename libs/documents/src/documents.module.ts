import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { RepliesModule } from '@dafu/replies/replies.module';
import { LettersController, LetterSettingsController, VerificationController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DeliveryEntity } from './entities/delivery.entity';
import { LetterSettingsEntity } from './entities/letter-settings.entity';
import { ReplyDocumentEntity } from './entities/reply-document.entity';
import { SigningCredentialEntity } from './entities/signing-credential.entity';
import { LetterDeliveryService } from './letter-delivery.service';
import { LetterDocumentsService } from './letter-documents.service';
import { LetterFontsProvider } from './letter-fonts.provider';
import { LetterProductionService } from './letter-production.service';
import { LetterSettingsService } from './letter-settings.service';
import { SigningCredentialsService } from './signing-credentials.service';

/** The final letters: settings, signing keys, rendering, verification and delivery. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LetterSettingsEntity, SigningCredentialEntity, ReplyDocumentEntity, DeliveryEntity]),
    RepliesModule,
    ProposalsModule,
    IdentityModule,
    DeadlinesModule,
  ],
  controllers: [LettersController, VerificationController, LetterSettingsController],
  providers: [
    DocumentsRepository,
    LetterDocumentsService,
    LetterSettingsService,
    SigningCredentialsService,
    LetterFontsProvider,
    LetterProductionService,
    LetterDeliveryService,
  ],
  exports: [
    DocumentsRepository,
    LetterProductionService,
    LetterDeliveryService,
    LetterDocumentsService,
    LetterFontsProvider,
  ],
})
export class DocumentsModule {}
