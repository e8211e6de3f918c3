import { Module } from '@nestjs/common';
import { PkiModule } from '../../business/pki/pki.module.js';
import { CertificadosController } from './certificados.controller.js';
import { PkiController } from './pki.controller.js';

/** `/admin/pki` and `/admin/certificados`. */
@Module({ imports: [PkiModule], controllers: [PkiController, CertificadosController] })
export class AdminPkiModule {}
