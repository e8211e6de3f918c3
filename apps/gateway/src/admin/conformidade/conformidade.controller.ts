import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ConformanceRun } from '#database';
import { ConformanceRunner } from './conformance-runner.service.js';
import { IniciarConformidadeDto } from './conformidade.dto.js';
import { adminError } from '../admin-error.js';
import { toJunit } from './junit.js';

/** The run as the admin API shows it; `conformidade: true` marks its notifications as test traffic. */
function toView(run: ConformanceRun) {
  return {
    id: run.id,
    conformidade: true,
    situacao: run.situacao,
    endpoint: run.endpoint,
    assinaturaId: run.subscriptionId,
    perfil: run.perfil,
    parametros: run.parametros,
    iniciadaEm: run.startedAt,
    concluidaEm: run.finishedAt,
    resumo: summary(run),
    checks: run.checks,
  };
}

function summary(run: ConformanceRun) {
  const checks = run.checks as { veredito: string }[];
  const count = (veredito: string) => checks.filter((check) => check.veredito === veredito).length;
  return { total: checks.length, passou: count('PASSOU'), falhou: count('FALHOU'), aviso: count('AVISO') };
}

/** Conformance run of an integrator's endpoint (simulator extension): JSON and JUnit results. */
@ApiTags('Conformidade')
@Controller('admin/conformidade')
export class ConformidadeController {
  constructor(private readonly runner: ConformanceRunner) {}

  /** Starts a run; poll GET /admin/conformidade/{id} until `situacao` is no longer EM_ANDAMENTO. */
  @Post()
  @HttpCode(202)
  async start(@Body() dto: IniciarConformidadeDto) {
    return toView(await this.runner.start(dto));
  }

  @Get()
  async list() {
    return (await this.runner.list()).map(toView);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return toView(await this.found(id));
  }

  /** One testcase per check; available once the run has finished. */
  @Get(':id/junit')
  async junit(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const run = await this.found(id);
    if (run.situacao === 'EM_ANDAMENTO') throw adminError(409, 'A execução ainda está em andamento.');
    // XML only for the report itself: a refusal above keeps the JSON error body.
    response.type('application/xml; charset=utf-8');
    return toJunit(run);
  }

  private async found(id: string): Promise<ConformanceRun> {
    const run = await this.runner.find(id);
    if (!run) throw adminError(404, 'Execução de conformidade não encontrada.');
    return run;
  }
}
