import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PortalValidationException, uniqueViolation } from '#common';
import { Interveniente } from '#database';
import { CreateIntervenienteDto, toIntervenienteView, UpdateIntervenienteDto } from './interveniente.dto.js';
import { adminError } from '../admin-error.js';

/** The authorization base: who may use the portal, and as what. */
@ApiTags('Intervenientes')
@Controller('admin/intervenientes')
export class IntervenientesController {
  constructor(@InjectRepository(Interveniente) private readonly intervenientes: Repository<Interveniente>) {}

  @Post()
  async create(@Body() dto: CreateIntervenienteDto) {
    const entity = this.intervenientes.create({
      ni: dto.ni,
      name: dto.nome,
      tipo: dto.tipo,
      uf: dto.tipo === 'SEFAZ' ? dto.uf : null,
      orgao: dto.tipo === 'ANUENTE' ? dto.orgao : null,
      systemCode: dto.systemCode ?? null,
      roleTypes: dto.roleTypes ?? [],
      active: dto.ativo ?? true,
    });
    return toIntervenienteView(await this.saveUnique(entity));
  }

  @Get()
  async list(@Query('tipo') tipo?: string, @Query('uf') uf?: string) {
    const where = { ...(tipo ? { tipo: tipo as Interveniente['tipo'] } : {}), ...(uf ? { uf } : {}) };
    return (await this.intervenientes.find({ where, order: { tipo: 'ASC', uf: 'ASC', name: 'ASC' } })).map(toIntervenienteView);
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return toIntervenienteView(await this.find(id));
  }

  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIntervenienteDto) {
    const entity = await this.find(id);
    if (dto.nome !== undefined) entity.name = dto.nome;
    if (dto.systemCode !== undefined) entity.systemCode = dto.systemCode;
    if (dto.roleTypes !== undefined) entity.roleTypes = dto.roleTypes;
    if (dto.ativo !== undefined) entity.active = dto.ativo;
    return toIntervenienteView(await this.saveUnique(entity));
  }

  private async find(id: string): Promise<Interveniente> {
    const entity = await this.intervenientes.findOneBy({ id });
    if (!entity) throw adminError(404, 'Interveniente não encontrado.');
    return entity;
  }

  private async saveUnique(entity: Interveniente): Promise<Interveniente> {
    try {
      return await this.intervenientes.save(entity);
    } catch (error) {
      const violation = uniqueViolation(error);
      if (!violation) throw error;
      const field = violation.detail?.includes('system_code') ? 'systemCode' : 'ni';
      throw new PortalValidationException([
        { code: 'INTERVENIENTE_DUPLICADO', field, message: `Já existe um interveniente com este ${field}.` },
      ]);
    }
  }
}
