import { Module } from '@nestjs/common';
import { SefazIcmsGuiaService } from './sefaz-icms-guia.service.js';
import { SefazIcmsController } from './sefaz-icms.controller.js';
import { SefazIcmsService } from './sefaz-icms.service.js';
import { SefazOpcaoController } from './sefaz-opcao.controller.js';
import { SefazOpcaoService } from './sefaz-opcao.service.js';

/** The PCCE (ICMS) services of the Sefaz on the portal HTTPS app: declarations, their guides, and the calculation options. */
@Module({ controllers: [SefazIcmsController, SefazOpcaoController], providers: [SefazIcmsService, SefazIcmsGuiaService, SefazOpcaoService] })
export class SefazIcmsModule {}
