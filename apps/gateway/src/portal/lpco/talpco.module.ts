import { Module } from '@nestjs/common';
import { BusinessModule } from '../../business/business.module.js';
import { TalpcoController } from './talpco.controller.js';
import { TalpcoService } from './talpco.service.js';

/** TA-LPCO for órgãos anuentes and holders on the portal HTTPS app. */
@Module({ imports: [BusinessModule], controllers: [TalpcoController], providers: [TalpcoService] })
export class TalpcoModule {}
