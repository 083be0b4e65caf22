import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProposalEntity } from './entities/proposal.entity';
import { ProposerEntity } from './entities/proposer.entity';
import { SessionEntity } from './entities/session.entity';
import { ProposalsController, SessionsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, ProposalEntity, ProposerEntity])],
  controllers: [SessionsController, ProposalsController],
  providers: [ProposalsRepository, ProposalsService],
  exports: [ProposalsService, ProposalsRepository],
})
export class ProposalsModule {}
