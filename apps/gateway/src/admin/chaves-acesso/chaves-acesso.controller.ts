import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { Interveniente } from '#database';
import { AccessKeysService } from '../../business/access-keys/access-keys.service.js';
import { adminError } from '../admin-error.js';

export class ChaveAcessoDto {
  /** CPF or CNPJ of the key's owner, in the authorization base. */
  @IsString() @Matches(/^(\d{11}|\d{14})$/, { message: 'ni deve ser um CPF (11 dígitos) ou CNPJ (14 dígitos)' }) ni: string;
}

/** Access key pairs, as a user generates them in the portal: the secret is shown once, only its hash is kept. */
@ApiTags('Chaves de acesso')
@Controller('admin/chaves-acesso')
export class ChavesAcessoController {
  constructor(
    private readonly accessKeys: AccessKeysService,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  async issue(@Body() dto: ChaveAcessoDto) {
    const owner = await this.dataSource.getRepository(Interveniente).findOneBy({ ni: dto.ni });
    if (!owner) throw adminError(404, 'Interveniente não encontrado.');
    const key = await this.accessKeys.issue(owner);
    return { clientId: key.clientId, clientSecret: key.clientSecret, ni: owner.ni, criadaEm: key.createdAt.toISOString() };
  }

  @Get()
  async list(@Query('ni') ni?: string) {
    const owner = ni ? await this.dataSource.getRepository(Interveniente).findOneBy({ ni }) : null;
    if (ni && !owner) return [];
    const keys = await this.accessKeys.list(owner?.id);
    return keys.map((key) => ({
      clientId: key.clientId,
      intervenienteId: key.intervenienteId,
      criadaEm: key.createdAt.toISOString(),
      revogadaEm: key.revokedAt?.toISOString() ?? null,
    }));
  }

  /** Revokes the key: its next login is refused (PLAT-ER8008). */
  @Delete(':clientId')
  async revoke(@Param('clientId') clientId: string) {
    if (!(await this.accessKeys.revoke(clientId))) throw adminError(404, 'Chave de acesso não encontrada ou já revogada.');
    return { clientId, revogada: true };
  }
}
