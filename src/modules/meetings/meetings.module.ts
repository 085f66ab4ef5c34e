import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { AlliancesModule } from '../alliances/alliances.module';
import { PeopleModule } from '../people/people.module';
import { AgreementMeetingsResolver, AllianceMeetingsResolver, MeetingRelationsResolver } from './meeting-relations.resolver';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [TypeOrmModule.forFeature([MeetingEntity, MeetingParticipantEntity]), AlliancesModule, PeopleModule, AgreementsModule],
  providers: [MeetingsService, MeetingsResolver, MeetingRelationsResolver, AllianceMeetingsResolver, AgreementMeetingsResolver],
  exports: [MeetingsService],
})
export class MeetingsModule {}
