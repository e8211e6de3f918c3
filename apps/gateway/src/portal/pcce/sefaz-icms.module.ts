import { Module } from '@nestjs/common';
import { SefazIcmsController } from './sefaz-icms.controller.js';
import { SefazIcmsService } from './sefaz-icms.service.js';

/** The PCCE (ICMS) services of the Sefaz on the portal HTTPS app. */
@Module({ controllers: [SefazIcmsController], providers: [SefazIcmsService] })
export class SefazIcmsModule {}
