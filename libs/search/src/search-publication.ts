import { Injectable } from '@nestjs/common';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { publicationCutoffsOf } from '@dafu/disclosure/domain/publication';
import { HandlingRepository } from '@dafu/handling/handling.repository';
import type { ReadScope } from '@dafu/platform/auth/access';
import type { PublicationCutoff } from './search.service';

/**
 * Today's publication cutoffs for a search: another bureau's issued public reply shows once it
 * is published, as on /public. Only a bureau reader needs them; the city reads everything.
 */
@Injectable()
export class SearchPublication {
  constructor(
    private readonly handling: HandlingRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  async cutoffsFor(scope: ReadScope): Promise<PublicationCutoff[]> {
    if (scope.kind === 'city') return [];
    const [all, calendar] = await Promise.all([this.handling.allRules(), this.deadlines.calendar()]);
    return publicationCutoffsOf(all, this.deadlines.today(), calendar);
  }
}
