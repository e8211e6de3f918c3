import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { TIPOS_SOLICITACAO_ICMS, UFS, type Uf } from '#catalog';
import type { TipoSolicitacaoIcms } from '#domain';
import { GuiaIcmsCreditoDto } from './guia-icms-credito.dto.js';
import { IsDataHora, IsValor, IsVersao, Obrigatorio } from './portal-formats.js';

/** `SefazCreditoIcmsDto`: the Sefaz confirms the ICMS of a calculation "a pagar" was paid (`POST /icms/credito`). */
export class SefazCreditoIcmsDto {
  @Obrigatorio()
  @IsDataHora()
  dataConfirmacaoCredito: string;

  /** The guides already paid. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GuiaIcmsCreditoDto)
  guias?: GuiaIcmsCreditoDto[];

  /** Format and check digit are checked by the service: DIMP-ER0004, as everywhere on the portal. */
  @Obrigatorio()
  @IsString()
  numeroDeclaracao: string;

  @Obrigatorio()
  @IsIn(['DUIMP'])
  tipoDeclaracao: 'DUIMP';

  @Obrigatorio()
  @IsIn(TIPOS_SOLICITACAO_ICMS)
  tipoSolicitacao: TipoSolicitacaoIcms;

  @Obrigatorio()
  @IsIn(UFS)
  ufFavorecida: Uf;

  @Obrigatorio()
  @IsValor()
  valorTotalCredito: number;

  @Obrigatorio()
  @IsVersao()
  versaoDeclaracao: string;
}
