import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdvisoryLock, lockForTransaction } from '#common';
import { PkiAuthority } from '#database';
import { type CaBundle, type CertificateAuthority, createCertificateAuthority, loadCertificateAuthority } from '#pki';

/** Loads the simulator's test CA at boot, creating and persisting it on the very first boot. */
@Injectable()
export class AuthorityService implements OnModuleInit {
  private bundle: CaBundle;
  private loaded?: Promise<CertificateAuthority>;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    this.bundle = await this.dataSource.transaction(async (manager) => {
      await lockForTransaction(manager, AdvisoryLock.Authority);
      const stored = await manager.findOneBy(PkiAuthority, { id: 1 });
      if (stored) {
        return {
          root: { certPem: stored.rootCertPem, keyPem: stored.rootKeyPem },
          intermediate: { certPem: stored.intermediateCertPem, keyPem: stored.intermediateKeyPem },
        };
      }
      // Real time, not the simulated clock: OpenSSL checks validity against the real one.
      const created = await createCertificateAuthority({ now: new Date() });
      await manager.insert(PkiAuthority, {
        id: 1,
        rootCertPem: created.root.certPem,
        rootKeyPem: created.root.keyPem,
        intermediateCertPem: created.intermediate.certPem,
        intermediateKeyPem: created.intermediate.keyPem,
      });
      return created;
    });
  }

  caBundle(): CaBundle {
    return this.bundle;
  }

  /** The CA with its keys imported, ready to sign. */
  certificateAuthority(): Promise<CertificateAuthority> {
    this.loaded ??= loadCertificateAuthority(this.bundle);
    return this.loaded;
  }

  /** What the delivery engine trusts besides the system roots. */
  trustedCaPems(): string[] {
    return [this.bundle.root.certPem, this.bundle.intermediate.certPem];
  }
}
