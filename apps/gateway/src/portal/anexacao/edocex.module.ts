import { Module } from '@nestjs/common';
import { BusinessModule } from '../../business/business.module.js';
import { EdocexController } from './edocex.controller.js';
import { EdocexService } from './edocex.service.js';

/** Anexação (e-Docex) for the Sefaz on the portal HTTPS app. */
@Module({ imports: [BusinessModule], controllers: [EdocexController], providers: [EdocexService] })
export class EdocexModule {}
