import { IsIn, IsString } from 'class-validator';
import { TIPOS_SOLICITACAO_ICMS, UFS, type Uf } from '#catalog';
import type { TipoSolicitacaoIcms } from '#domain';
import { IsVersao, Obrigatorio } from './portal-formats.js';

/** Which declaration and request a Sefaz's PCCE body speaks of: the fields its DTOs share. */
export abstract class DeclaracaoIcmsDto {
  /** Format and check digit are checked by the service: DIMP-ER0004, as everywhere on the portal. */
  @Obrigatorio()
  @IsString()
  numeroDeclaracao: string;

  @Obrigatorio()
  @IsVersao()
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
