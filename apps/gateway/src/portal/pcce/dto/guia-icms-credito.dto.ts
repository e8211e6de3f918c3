import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { GERADORES_GUIA_ICMS, type GeradorGuiaIcms } from '#domain';
import { IsData, IsDataHora, IsValor, Obrigatorio } from './portal-formats.js';

/**
 * The fields of an ICMS payment guide (Portal GNRE or the state's own) that `GuiaIcmsCreditoDto` and
 * `SefazInclusaoGuiaIcmsDto` share.
 */
export abstract class GuiaIcmsDadosDto {
  @Obrigatorio()
  @IsString()
  @Length(1, 100)
  codigoBarrasGuia: string;

  @Obrigatorio()
  @IsString()
  @Length(1, 6)
  codigoReceita: string;

  @Obrigatorio()
  @IsData()
  dataLimitePagamento: string;

  @Obrigatorio()
  @IsData()
  dataVencimento: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  descricaoCodigoReceita?: string;

  @Obrigatorio()
  @IsIn(GERADORES_GUIA_ICMS)
  geradorGuia: GeradorGuiaIcms;

  @Obrigatorio()
  @IsString()
  @Length(1, 100)
  linhaDigitavel: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  numeroControle?: string;

  @IsOptional()
  @IsValor()
  valorAtualizacaoMonetaria?: number;

  @Obrigatorio()
  @IsValor()
  valorCalculado: number;

  @Obrigatorio()
  @IsValor()
  valorDevido: number;

  @IsOptional()
  @IsValor()
  valorJuros?: number;

  @IsOptional()
  @IsValor()
  valorMulta?: number;

  @Obrigatorio()
  @IsValor()
  valorTotal: number;
}

/** `GuiaIcmsCreditoDto`: a guide in a calculation or a credit confirmation, paid or not yet. */
export class GuiaIcmsCreditoDto extends GuiaIcmsDadosDto {
  @IsOptional()
  @IsDataHora()
  dataPagamento?: string;
}
