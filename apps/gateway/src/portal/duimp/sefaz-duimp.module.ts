import { Module } from '@nestjs/common';
import { LegacySefazDuimpController, SefazDuimpController } from './sefaz-duimp.controller.js';
import { SefazDuimpService } from './sefaz-duimp.service.js';

/** The Duimp consultation of the Sefaz on the portal HTTPS app. */
@Module({ controllers: [SefazDuimpController, LegacySefazDuimpController], providers: [SefazDuimpService] })
export class SefazDuimpModule {}
