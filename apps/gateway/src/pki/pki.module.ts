import { Module } from '@nestjs/common';
import { CertificadosController } from './certificados.controller.js';
import { CertificatesService } from './certificates.service.js';
import { PkiController } from './pki.controller.js';
import { PortalTlsService } from './portal-tls.service.js';

@Module({
  controllers: [PkiController, CertificadosController],
  providers: [CertificatesService, PortalTlsService],
  exports: [CertificatesService, PortalTlsService],
})
export class PkiModule {}
