import { Module } from '@nestjs/common';
import { BusinessModule } from '../../business/business.module.js';
import { DocumentosController } from './documentos/documentos.controller.js';
import { DuimpsController } from './duimp/duimps.controller.js';
import { LpcosController } from './lpco/lpcos.controller.js';
import { IcmsController } from './pcce/icms.controller.js';

/**
 * Business scenarios of the admin API (SPEC §9): Duimp, PCCE, Anexação and TA-LPCO flows, each emitting
 * the catalogue events the real flow would, to the recipients the business object names at that moment.
 */
@Module({
  imports: [BusinessModule],
  controllers: [DuimpsController, IcmsController, DocumentosController, LpcosController],
})
export class ScenariosModule {}
