import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { DocumentosController } from './documentos/documentos.controller.js';
import { DocumentosScenarios } from './documentos/documentos.service.js';
import { DuimpScenarios } from './duimp/duimp-scenarios.service.js';
import { DuimpsController } from './duimp/duimps.controller.js';
import { LpcoScenarios } from './lpco/lpco-scenarios.service.js';
import { LpcosController } from './lpco/lpcos.controller.js';
import { IcmsController } from './pcce/icms.controller.js';
import { IcmsScenarios } from './pcce/icms-scenarios.service.js';
import { ScenarioRunner } from './scenario-runner.service.js';

/**
 * Business scenarios of the admin API (SPEC §9): Duimp, PCCE, Anexação and TA-LPCO flows, each emitting
 * the catalogue events the real flow would, to the recipients the business object names at that moment.
 */
@Module({
  imports: [EventsModule],
  controllers: [DuimpsController, IcmsController, DocumentosController, LpcosController],
  providers: [ScenarioRunner, DuimpScenarios, IcmsScenarios, DocumentosScenarios, LpcoScenarios],
})
export class ScenariosModule {}
