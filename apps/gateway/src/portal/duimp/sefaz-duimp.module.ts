import { Module } from '@nestjs/common';
import { SefazDuimpController } from './sefaz-duimp.controller.js';
import { SefazDuimpService } from './sefaz-duimp.service.js';

/** The Duimp consultation of the Sefaz on the portal HTTPS app. */
@Module({ controllers: [SefazDuimpController], providers: [SefazDuimpService] })
export class SefazDuimpModule {}
