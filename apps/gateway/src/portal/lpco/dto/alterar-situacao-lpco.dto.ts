import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsData } from '../../pcce/dto/portal-formats.js';

/** The targets `AlterarSituacaoLpcoRequest.situacao` allows (EM_EXIGENCIA goes through `/exigencia`). */
export const SITUACOES_ALTERAVEIS = [
  'PARA_ANALISE',
  'EM_ANALISE',
  'DEFERIDO',
  'CANCELADO',
  'INDEFERIDO',
  'ANULADO_REVOGADO',
  'AUTORIZACAO_IMPORTACAO_EMITIDA',
] as const;

/** `AlterarSituacaoLpcoRequest`: the anuente's decision on an LPCO. */
export class AlterarSituacaoLpcoDto {
  @IsIn(SITUACOES_ALTERAVEIS)
  situacao: (typeof SITUACOES_ALTERAVEIS)[number];

  @IsOptional()
  @IsString()
  @Length(1, 4000)
  justificativa?: string;

  /** Only when the new situação is DEFERIDO. */
  @IsOptional()
  @IsData()
  dataInicioVigencia?: string;

  /** Only when the new situação is DEFERIDO. */
  @IsOptional()
  @IsData()
  dataFinalVigencia?: string;

  /** The LPCO's number at the órgão, if any. */
  @IsOptional()
  @IsString()
  @Length(1, 30)
  numeroOrgaoOrigem?: string;

  @IsOptional()
  @IsBoolean()
  requerInspecao?: boolean;

  @IsOptional()
  @IsBoolean()
  decisaoJudicial?: boolean;

  @IsOptional()
  @IsBoolean()
  faltaPagamentoTaxa?: boolean;

  /** Only for an LPCO with a linked LI being parametrised: never the case in the simulator. */
  @IsOptional()
  @IsIn(['VERDE', 'AMARELO', 'VERMELHO'])
  canal?: string;

  /** A Tabelas Comex code (`A01`); the simulator has no such table, so it is only format-checked. */
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'motivoAnalise deve ser um código de motivo de análise (ex.: A01).' })
  motivoAnalise?: string;
}
