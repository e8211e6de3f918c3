import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TIPOS_SOLICITACAO_ICMS, UFS } from '#catalog';
import type { TipoSolicitacaoIcms } from '#domain';

export class SolicitarCalculoIcmsDto {
  /** The UF the ICMS is due to (a UF of interest of the Duimp); the importer's UF by default. */
  @IsOptional()
  @IsIn(UFS)
  ufFavorecida?: (typeof UFS)[number];

  @IsOptional()
  @IsIn(TIPOS_SOLICITACAO_ICMS)
  tipoSolicitacao?: TipoSolicitacaoIcms;

  @IsOptional()
  @IsString()
  @Length(1, 400)
  informacoesComplementares?: string;
}
