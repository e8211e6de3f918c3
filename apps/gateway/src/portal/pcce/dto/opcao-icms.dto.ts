import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { TIPOS_SOLICITACAO_ICMS } from '#catalog';
import type { TipoSolicitacaoIcms } from '#domain';
import { Obrigatorio } from './portal-formats.js';

/** `OpcaoIcmsDto`: one of the calculation options a Sefaz registers (`POST /opcao` takes a list of them). */
export class OpcaoIcmsDto {
  @Obrigatorio()
  @IsString()
  @Length(4, 4)
  codigoOpcao: string;

  @Obrigatorio()
  @IsString()
  @Length(1, 30)
  descricaoOpcao: string;

  @Obrigatorio()
  @IsIn(TIPOS_SOLICITACAO_ICMS)
  tipoSolicitacao: TipoSolicitacaoIcms;
}

/** `OpcaoIcmsAlteracaoDto`: what `PUT /opcao/{id}` may change. */
export class OpcaoIcmsAlteracaoDto {
  @Obrigatorio()
  @IsBoolean()
  ativa: boolean;

  @Obrigatorio()
  @IsString()
  @Length(1, 30)
  descricaoOpcao: string;
}
