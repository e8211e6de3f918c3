import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatPortalDate } from '#clock';
import { PortalValidationException } from '#common';
import { AppConfig } from '#config';
import { Interveniente } from '#database';
import { isLimitedFunction, LIMITED_FUNCTIONS, maintenanceEnd, platformSettings, readPlatformState } from '#platform';
import { adminError } from '../admin-error.js';
import { AbrirManutencaoDto, LimitesDto, ManutencaoDto } from './plataforma.dto.js';

const MAX_QUOTA = 10_000_000;

/** The portal's platform behaviours, switched and inspected for QA: access limits and the maintenance window. */
@ApiTags('Plataforma')
@Controller('admin/plataforma')
export class PlataformaController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get('limites')
  async limits() {
    const { accessLimits } = await this.settings();
    return {
      ativo: accessLimits.enabled,
      funcoes: Object.entries(LIMITED_FUNCTIONS).map(([funcao, { descricao }]) => ({
        funcao,
        descricao,
        limitePorHora: accessLimits.quotas[funcao as keyof typeof LIMITED_FUNCTIONS],
      })),
    };
  }

  /** Switches the limits and sets quotas for every gateway; what is not given stays as it is. */
  @Put('limites')
  async setLimits(@Body() dto: LimitesDto) {
    const errors = Object.entries(dto.limites ?? {}).flatMap(([funcao, limite]) =>
      !isLimitedFunction(funcao)
        ? [{ code: 'FUNCAO_DESCONHECIDA', field: `limites.${funcao}`, message: `Funcionalidade sem limite de acesso: ${funcao}.` }]
        : !Number.isInteger(limite) || limite < 1 || limite > MAX_QUOTA
          ? [{ code: 'LIMITE_INVALIDO', field: `limites.${funcao}`, message: `O limite deve ser um inteiro entre 1 e ${MAX_QUOTA}.` }]
          : [],
    );
    if (errors.length > 0) throw new PortalValidationException(errors);
    await this.dataSource.query(
      `UPDATE platform_setting SET access_limits_enabled = coalesce($1, access_limits_enabled), access_limits = access_limits || $2::jsonb WHERE id = 1`,
      [dto.ativo ?? null, JSON.stringify(dto.limites ?? {})],
    );
    return this.limits();
  }

  /** Each interveniente's counters (optionally one, by `ni`): calls this hour, offences today, block end. */
  @Get('limites/contadores')
  async counters(@Query('ni') ni?: string) {
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT i.ni, i.name, c.funcao, c.day::text AS day, c.window_start, c.hits, c.offences, c.blocked_until
         FROM access_counter c JOIN interveniente i ON i.id = c.interveniente_id
        WHERE $1::text IS NULL OR i.ni = $1 ORDER BY i.ni, c.funcao`,
      [ni ?? null],
    );
    const { now } = await this.settings();
    return rows.map((row) => ({
      ni: row.ni,
      nome: row.name,
      funcao: row.funcao,
      dia: row.day,
      janela: new Date(row.window_start).toISOString(),
      acessos: row.hits,
      reincidencias: row.offences,
      bloqueadoAte: row.blocked_until && new Date(row.blocked_until) > now ? new Date(row.blocked_until).toISOString() : null,
    }));
  }

  /** Lifts an interveniente's blocks (one function or all): its count and offences start again from zero. */
  @Delete('limites/bloqueios/:ni')
  async lift(@Param('ni') ni: string, @Query('funcao') funcao?: string) {
    const party = await this.dataSource.getRepository(Interveniente).findOneBy({ ni });
    if (!party) throw adminError(404, 'Interveniente não encontrado.');
    const [, lifted] = await this.dataSource.query(
      `UPDATE access_counter SET hits = 0, offences = 0, blocked_until = NULL WHERE interveniente_id = $1 AND ($2::text IS NULL OR funcao = $2)`,
      [party.id, funcao ?? null],
    );
    return { ni, funcoes: lifted };
  }

  @Get('manutencao')
  async maintenance() {
    const { now, maintenance } = await this.settings();
    const end = maintenanceEnd(now, maintenance);
    return {
      diaria: maintenance.daily,
      janelaDiaria: '01:00-03:00 (horário de Brasília)',
      abertaAte: maintenance.openUntil && maintenance.openUntil > now ? maintenance.openUntil.toISOString() : null,
      emManutencao: end !== null,
      fimPrevisto: end && formatPortalDate(end),
    };
  }

  @Put('manutencao')
  async setDaily(@Body() dto: ManutencaoDto) {
    await this.dataSource.query('UPDATE platform_setting SET maintenance_daily = $1 WHERE id = 1', [dto.diaria]);
    return this.maintenance();
  }

  /** Opens an unscheduled window now, on the simulated clock, for `minutos`. */
  @Post('manutencao/abrir')
  @HttpCode(200)
  async open(@Body() dto: AbrirManutencaoDto) {
    const { now } = await this.settings();
    await this.dataSource.query('UPDATE platform_setting SET maintenance_open_until = $1 WHERE id = 1', [
      new Date(now.getTime() + dto.minutos * 60_000),
    ]);
    return this.maintenance();
  }

  /** Ends an unscheduled window now (the daily one follows its schedule). */
  @Delete('manutencao/abrir')
  async close() {
    await this.dataSource.query('UPDATE platform_setting SET maintenance_open_until = NULL WHERE id = 1');
    return this.maintenance();
  }

  private async settings() {
    return platformSettings(await readPlatformState(this.dataSource), this.config);
  }
}
