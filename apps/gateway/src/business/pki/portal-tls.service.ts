import type https from 'node:https';
import type { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface.js';
import type { SecureContextOptions } from 'node:tls';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AuthorityService } from '#authority';
import { AppConfig } from '#config';
import { CertificatesService } from './certificates.service.js';

const CRL_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * TLS of the portal listener: a server certificate from the simulator's CA, client certificates
 * requested but judged by the application (so a refused certificate gets a portal error body rather than
 * a connection reset), and CRLs swapped into the running server whenever any gateway revokes.
 */
@Injectable()
export class PortalTlsService implements OnApplicationShutdown {
  private readonly logger = new Logger(PortalTlsService.name);
  private servers: https.Server[] = [];
  private serverIdentity?: { cert: string; key: string };
  private version = '';
  private builtAt = 0;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(
    private readonly authority: AuthorityService,
    private readonly certificates: CertificatesService,
    private readonly config: AppConfig,
  ) {
    certificates.onRevocation(() => this.refresh(true));
  }

  /** Options for `https.createServer`, built from the current CRLs. */
  async httpsOptions(): Promise<HttpsOptions> {
    if (!this.serverIdentity) {
      const issued = await this.certificates.issueServer({
        dnsNames: ['localhost', ...this.config.PORTAL_HOSTNAMES],
        ipAddresses: ['127.0.0.1', '::1'],
      });
      this.serverIdentity = { cert: issued.certPem + issued.chainPem, key: issued.keyPem };
    }
    return { ...(await this.secureContext()), requestCert: true, rejectUnauthorized: false };
  }

  /** Starts following revocations for a listening portal server. */
  attach(server: https.Server): void {
    this.servers.push(server);
    this.timer ??= setInterval(() => void this.refresh(false), this.config.CRL_REFRESH_MS);
  }

  /** Rebuilds the CRLs when revocations changed (or the CRL is getting old) and swaps them in without a restart. */
  refresh(force: boolean): Promise<void> {
    // A refresh already under way may have read the revocations before this one: run again after it.
    if (force && this.refreshing) return this.refreshing.then(() => this.refresh(true));
    this.refreshing ??= (async () => {
      try {
        const version = await this.certificates.revocationVersion();
        if (!force && version === this.version && Date.now() - this.builtAt < CRL_MAX_AGE_MS) return;
        const context = await this.secureContext();
        for (const server of this.servers) server.setSecureContext(context);
      } catch (error) {
        this.logger.warn({ err: error }, 'CRL refresh failed; keeping the current one');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async secureContext(): Promise<SecureContextOptions> {
    this.version = await this.certificates.revocationVersion();
    const crls = await this.certificates.crls();
    this.builtAt = Date.now();
    return {
      ...this.serverIdentity!,
      // Clients often send only their leaf: the intermediate must be in `ca` too.
      ca: this.authority.trustedCaPems(),
      crl: [crls.intermediate, crls.root],
      minVersion: 'TLSv1.2',
    };
  }
}
