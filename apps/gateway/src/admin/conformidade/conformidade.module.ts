import { Module } from '@nestjs/common';
import { ConformanceRunner } from './conformance-runner.service.js';
import { ConformidadeController } from './conformidade.controller.js';

@Module({ controllers: [ConformidadeController], providers: [ConformanceRunner] })
export class ConformidadeModule {}
