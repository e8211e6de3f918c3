import { applyDecorators } from '@nestjs/common';
import { IsIn, IsString } from 'class-validator';
import { TIPOS_SOLICITACAO_ICMS, UFS, type Uf } from '#catalog';
import type { TipoSolicitacaoIcms } from '#domain';
import { IsVersao, Obrigatorio } from './portal-formats.js';

/** `numeroDeclaracao`: format and check digit are checked by the service (DIMP-ER0004, as everywhere on the portal). */
export const IsNumeroDeclaracao = () => applyDecorators(Obrigatorio(), IsString());

/** `versaoDeclaracao`: required, "1" to "9999". */
export const IsVersaoDeclaracao = () => applyDecorators(Obrigatorio(), IsVersao());

/** Which declaration and request a Sefaz's PCCE body speaks of: the fields its DTOs share. */
export abstract class DeclaracaoIcmsDto {
  @IsNumeroDeclaracao()
  numeroDeclaracao: string;

  @IsVersaoDeclaracao()
  versaoDeclaracao: string;

  @Obrigatorio()
  @IsIn(['DUIMP'])
  tipoDeclaracao: 'DUIMP';

  @Obrigatorio()
  @IsIn(TIPOS_SOLICITACAO_ICMS)
  tipoSolicitacao: TipoSolicitacaoIcms;

  @Obrigatorio()
  @IsIn(UFS)
  ufFavorecida: Uf;
}
