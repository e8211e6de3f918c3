import { Module } from '@nestjs/common';
import { CertificatesService } from './certificates.service.js';
import { PortalTlsService } from './portal-tls.service.js';

/** The test PKI at work: issuing and revoking certificates, and the portal listener's live TLS context. */
@Module({ providers: [CertificatesService, PortalTlsService], exports: [CertificatesService, PortalTlsService] })
export class PkiModule {}
