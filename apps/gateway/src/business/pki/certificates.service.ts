import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { AuthorityService } from '#authority';
import { AppConfig } from '#config';
import { IssuedCertificate } from '#database';
import {
  buildCrl,
  buildRootCrl,
  type ClientCertificate,
  type IssueClientCertificateOptions,
  issueClientCertificate,
  issueServerCertificate,
  type RevocationReason,
  type ServerCertificate,
} from '#pki';

export type ClientCertificateRequest = Omit<IssueClientCertificateOptions, 'now' | 'crlUrl'>;

/**
 * The test PKI's registry: every certificate it issues is recorded, revocations feed the CRL.
 * Validity uses real time, not the simulated clock: OpenSSL checks certificates against the real one.
 */
@Injectable()
export class CertificatesService {
  private readonly revocationListeners: Array<() => Promise<void>> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly authority: AuthorityService,
    private readonly config: AppConfig,
  ) {}

  get crlUrl(): string {
    return `${this.config.PUBLIC_ADMIN_URL}/admin/pki/crl.pem`;
  }

  async issueClient(request: ClientCertificateRequest): Promise<ClientCertificate> {
    const issued = await issueClientCertificate(await this.authority.certificateAuthority(), {
      ...request,
      now: new Date(),
      crlUrl: this.crlUrl,
    });
    await this.record(issued, {
      tipo: issued.tipo,
      nivel: issued.nivel,
      commonName: issued.commonName,
      cnpj: issued.cnpj ?? null,
      cpf: issued.cpf ?? null,
      defects: issued.defeitos,
    });
    return issued;
  }

  async issueServer(options: { dnsNames?: string[]; ipAddresses?: string[]; validityDays?: number }): Promise<ServerCertificate> {
    const issued = await issueServerCertificate(await this.authority.certificateAuthority(), { ...options, now: new Date() });
    await this.record(issued, {
      tipo: 'SERVIDOR',
      nivel: null,
      commonName: options.dnsNames?.[0] ?? options.ipAddresses?.[0] ?? 'localhost',
      cnpj: null,
      cpf: null,
      defects: [],
    });
    return issued;
  }

  list(): Promise<IssuedCertificate[]> {
    return this.dataSource.getRepository(IssuedCertificate).find({ order: { createdAt: 'DESC' } });
  }

  /** Returns false when the serial is unknown or already revoked. */
  async revoke(serialNumber: string, reason: RevocationReason = 'unspecified'): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(IssuedCertificate)
      .update({ serialNumber: serialNumber.toUpperCase(), revokedAt: IsNull() }, { revokedAt: new Date(), revocationReason: reason });
    if (!result.affected) return false;
    // The running portal refuses the certificate before the revocation call answers.
    await Promise.all(this.revocationListeners.map((listener) => listener()));
    return true;
  }

  onRevocation(listener: () => Promise<void>): void {
    this.revocationListeners.push(listener);
  }

  /** A fingerprint of the revocations: changes whenever any gateway revokes a certificate. */
  async revocationVersion(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(max(revoked_at)::text, '') AS last FROM issued_certificate WHERE revoked_at IS NOT NULL`,
    );
    return `${row.n}:${row.last}`;
  }

  /** The intermediate's CRL and the root's: Node's `crl` option needs one for every CA in the chain. */
  async crls(): Promise<{ intermediate: string; root: string }> {
    const ca = await this.authority.certificateAuthority();
    const revoked = await this.dataSource.getRepository(IssuedCertificate).findBy({ revokedAt: Not(IsNull()) });
    const now = new Date();
    return {
      intermediate: await buildCrl(
        ca,
        revoked.map((certificate) => ({
          serialNumber: certificate.serialNumber,
          revokedAt: certificate.revokedAt!,
          reason: (certificate.revocationReason ?? 'unspecified') as RevocationReason,
        })),
        { now },
      ),
      root: await buildRootCrl(ca, { now }),
    };
  }

  private async record(
    issued: { serialNumber: string; notBefore: Date; notAfter: Date },
    fields: Pick<IssuedCertificate, 'tipo' | 'nivel' | 'commonName' | 'cnpj' | 'cpf' | 'defects'>,
  ): Promise<void> {
    await this.dataSource.getRepository(IssuedCertificate).insert({
      serialNumber: issued.serialNumber.toUpperCase(),
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      ...fields,
    });
  }
}
