import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DafuConfig } from '@dafu/platform/config/dafu-config';

/** Stale assignments taken per fold transaction: each stays short, whatever piled up meanwhile. */
export const FOLD_BATCH = 5_000;

export interface FoldOutcome {
  /** The facts were taken again for every assignment (the rollup was empty or in another timezone). */
  rebuilt: boolean;
  /** Assignments whose changes were moved into the rollup. */
  folded: number;
}

/**
 * Keeps the supervision statistics' rollup (migration 055 says how it works) close to the
 * tables it sums. Reading never waits on it: the statistics add what it has not folded yet.
 */
@Injectable()
export class StatisticsRollup {
  private readonly logger = new Logger(StatisticsRollup.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: DafuConfig,
  ) {}

  /** Moves every change waiting into the rollup, batch by batch; rebuilds first if the timezone changed. */
  async fold(): Promise<FoldOutcome> {
    const rebuilt = await this.rebuildIfOutOfDate();
    let folded = 0;
    for (;;) {
      const [{ taken }] = await this.dataSource.query<{ taken: number }[]>(`SELECT statistics_fold($1, $2) AS taken`, [
        this.config.timezone,
        FOLD_BATCH,
      ]);
      folded += taken;
      // Fewer than a batch: nothing is waiting, or another fold holds the lock and takes the rest.
      if (taken < FOLD_BATCH) break;
    }
    if (folded > 0 || rebuilt) this.logger.log({ folded, rebuilt }, 'Statistics rollup folded');
    return { rebuilt, folded };
  }

  /** Takes the facts of every assignment again. */
  async rebuild(): Promise<void> {
    await this.dataSource.query(`SELECT statistics_rebuild($1)`, [this.config.timezone]);
  }

  private async rebuildIfOutOfDate(): Promise<boolean> {
    const [state] = await this.dataSource.query<{ timezone: string }[]>(`SELECT timezone FROM statistics_rollup_state`);
    if (state?.timezone === this.config.timezone) return false;
    this.logger.warn(
      { was: state?.timezone ?? null, now: this.config.timezone },
      'Statistics rollup taken in another timezone: rebuilding it',
    );
    await this.rebuild();
    return true;
  }
}
