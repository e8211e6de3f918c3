import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { GERADORES_GUIA_ICMS, type GeradorGuiaIcms } from '#domain';
import { IsData, IsDataHora, IsValor, Obrigatorio } from './portal-formats.js';

/** `GuiaIcmsCreditoDto`: a payment guide of the ICMS (Portal GNRE or the state's own). */
export class GuiaIcmsCreditoDto {
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

  @IsOptional()
  @IsDataHora()
  dataPagamento?: string;

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
