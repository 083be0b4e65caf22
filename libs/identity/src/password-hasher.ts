import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DafuConfig } from '@dafu/platform/config/dafu-config';

/** A valid argon2id hash of nothing anyone types, verified when a username is unknown so timing does not tell. */
const DECOY_HASH = '$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2RrHC8Kq2ndqq4gbwHDLnETaoLH3XtKkB2Vt0ZQvq5Y';

@Injectable()
export class PasswordHasher {
  constructor(private readonly config: DafuConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.config.argon2MemoryKib });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? DECOY_HASH, password);
    } catch {
      return false;
    }
  }
}
