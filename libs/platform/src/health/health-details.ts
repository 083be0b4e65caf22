import { Global, Injectable, Module } from '@nestjs/common';

export interface HealthDetail {
  /** Details only inform: a context's warning (a missing calendar year) never takes the API down. */
  status: 'up';
  [key: string]: unknown;
}

/** Contexts register what /health should report about them, without platform depending on them. */
@Injectable()
export class HealthDetailsRegistry {
  private readonly contributors = new Map<string, () => Promise<HealthDetail>>();

  register(name: string, contributor: () => Promise<HealthDetail>): void {
    if (this.contributors.has(name)) throw new Error(`Health detail ${name} registered twice`);
    this.contributors.set(name, contributor);
  }

  entries(): [string, () => Promise<HealthDetail>][] {
    return [...this.contributors.entries()];
  }
}

@Global()
@Module({ providers: [HealthDetailsRegistry], exports: [HealthDetailsRegistry] })
export class HealthDetailsModule {}
